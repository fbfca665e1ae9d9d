import pg from 'pg';
import { deriveKey } from '../domain/secrets.ts';
import { applyMigrations } from './migrator.ts';

export const APP_ROLE = 'servicepro_app';

/** The app role's password when the operator did not provision one: derived, never stored. */
export function appRolePassword(masterKey: Buffer): string {
  return deriveKey(masterKey, 'database:servicepro_app').toString('hex');
}

/**
 * Brings a database to the current schema (as its owner), and when no APP_DATABASE_URL is given,
 * lets the RLS-bound application role log in. Returns the URL the application must use.
 */
export async function prepareDatabase(options: { adminUrl: string; appUrl?: string; masterKey: Buffer }): Promise<{ appUrl: string; applied: string[] }> {
  const password = options.appUrl ? undefined : appRolePassword(options.masterKey);
  await ensureAppRole(options.adminUrl, password);
  const applied = await applyMigrations(options.adminUrl);
  return { appUrl: options.appUrl ?? appDatabaseUrl(options.adminUrl, options.masterKey), applied };
}

/** The application's connection: the admin URL's server and database, as the RLS-bound role. */
export function appDatabaseUrl(adminUrl: string, masterKey: Buffer): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(masterKey);
  return url.toString();
}

/** The RLS-bound role the migrations grant to; with a password, it may also log in. */
async function ensureAppRole(adminUrl: string, password?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (!rowCount) {
      await client.query(`CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`).catch((error: { code?: string }) => {
        if (error.code !== '42710') throw error; // created concurrently
      });
    }
    if (password) {
      await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
      const database = new URL(adminUrl).pathname.slice(1);
      await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${APP_ROLE}`);
    }
  } finally {
    await client.end();
  }
}
