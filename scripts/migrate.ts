// `npm run db:migrate`: apply pending migrations (as DATABASE_URL's owner) and seed the root
// tenant and the platform owner. `npm run db:migration:new -- <name>`: write a new migration
// from the difference between what the existing migrations build (on a scratch database) and
// prisma/schema.prisma.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { masterKeyFrom } from '../workers/runtime/deps.ts';
import { ConfigError, parseConfig } from '../domain/config.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { prepareDatabase } from '../prisma/database.ts';
import { MIGRATIONS_DIR, migrationDrift, sqlForNewMigration } from '../prisma/migrator.ts';
import { seedPlatform } from '../prisma/seed.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { isListening } from './ports.ts';

async function deploy() {
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set: migrations run as the database owner.');
  if (!config.SERVICEPRO_ADMIN_PASSWORD) throw new ConfigError('SERVICEPRO_ADMIN_PASSWORD is not set: it becomes the platform owner’s password.');
  const masterKey = masterKeyFrom(config);
  const { appUrl, applied } = await prepareDatabase({ adminUrl: config.DATABASE_URL, appUrl: config.APP_DATABASE_URL, masterKey });
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  const db = createPrismaClient(appUrl, { maxConnections: 2 });
  await seedPlatform(db, { ownerEmail: config.SERVICEPRO_ADMIN_EMAIL, ownerPassword: config.SERVICEPRO_ADMIN_PASSWORD, rootPhoneNumber: config.ROOT_PHONE_NUMBER });
  await db.$disconnect();
  console.log(`root tenant and owner ${config.SERVICEPRO_ADMIN_EMAIL} are in place`);
}

async function createMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new ConfigError('Name the migration: npm run db:migration:new -- add_bookings (lowercase, digits, underscores)');
  // The drift decides whether there is anything to do (sqlForNewMigration alone always restates the tenant_id defaults).
  const sql = await withAnyPostgres(async (url) => ((await migrationDrift(url)) ? sqlForNewMigration(url) : ''));
  if (!sql) {
    console.log('schema.prisma matches what the migrations build: nothing to do');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), sql);
  console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql — add any RLS policies or grants by hand, then npm run db:migrate`);
}

/** DATABASE_URL, else the embedded Postgres (`npm start`'s, running or started for the moment). */
async function withAnyPostgres<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  if (await isListening(port)) return work(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);
  const postgres = await startEmbeddedPostgres({ dataDir: path.resolve(process.env.SERVICEPRO_DATA_DIR ?? '.servicepro', 'postgres'), port });
  try {
    return await work(postgres.adminUrl());
  } finally {
    await postgres.stop();
  }
}

const [command, name] = process.argv.slice(2);
(command === 'new' ? createMigration(name) : deploy()).catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
