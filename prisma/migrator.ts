// Prisma's own schema engine, compiled to WASM, driven through the pg driver adapter: the same
// engine `prisma migrate deploy` / `prisma migrate diff` use, with no native binary to download.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, 'migrations');
export const SCHEMA_PATH = path.resolve(import.meta.dirname, 'schema.prisma');

type EngineModule = typeof import('@prisma/schema-engine-wasm');
let engineModule: Promise<EngineModule> | undefined;

// The package's entry imports the .wasm as an ES module, which Node cannot load; instantiate it by hand.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import(pathToFileURL(bgPath).href);
    const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg as EngineModule;
  })();
  return engineModule;
}

async function withEngine<T>(databaseUrl: string, run: (engine: import('@prisma/schema-engine-wasm').SchemaEngine, datamodel: string) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const datamodel = await readFile(SCHEMA_PATH, 'utf8');
  // Our own pool, closed afterwards: the engine holds a session-level advisory lock while
  // migrating, and a pool left open would keep it from the next migrator for its 10 s timeout.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, () => {}, adapter);
  try {
    return await run(engine, datamodel);
  } finally {
    engine.free();
    await pool.end();
  }
}

async function listMigrations() {
  const entries = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lock = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8').then(
            (ok) => ({ tag: 'ok' as const, value: ok }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Like `prisma migrate deploy`: applies pending migrations, recorded in `_prisma_migrations`. Idempotent. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: await listMigrations(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  });
}

/** Each migration folder keeps the schema it was made from, so the next diff needs no database. */
export const SNAPSHOT_FILE = 'schema.prisma';

/**
 * Like `prisma migrate diff --from-migrations --to-schema --script`: the SQL that takes the schema
 * of the newest migration to the current schema.prisma. Hand-written SQL (row-level security,
 * grants) is added to the migration file by the author, as Prisma's own docs advise.
 */
export async function sqlForNewMigration(databaseUrl: string): Promise<string> {
  const { migrationDirectories } = await listMigrations();
  const newest = migrationDirectories.at(-1);
  const previous = newest ? await readFile(path.join(MIGRATIONS_DIR, newest.path, SNAPSHOT_FILE), 'utf8') : null;
  // The diff compares two schema files, yet the engine insists on reaching a database.
  return withEngine(databaseUrl, async (engine, current) => {
    const result = await engine.diff({
      from: previous === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: current }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  });
}
