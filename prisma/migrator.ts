// Prisma's own schema engine, compiled to WASM, driven through the pg driver adapter: the same
// engine `prisma migrate deploy` / `prisma migrate diff` use, with no native binary to download.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { migrationAdapterFactory, poolConfig } from './migration-adapter.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, 'migrations');
export const SCHEMA_PATH = path.resolve(import.meta.dirname, 'schema.prisma');

type EngineModule = typeof import('@prisma/schema-engine-wasm');
let engineModule: Promise<EngineModule> | undefined;

// The package's entry imports the .wasm as an ES module, which Node cannot load; instantiate it by hand.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    // Where the engine writes a Rust panic's message before it throws (Prisma's client sets this too).
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message: string) => process.stderr.write(`schema engine panicked: ${message}\n`) };
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
  const config = poolConfig(databaseUrl);
  const pool = new pg.Pool(config);
  const adapter = bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(pool, config));
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, () => {}, adapter);
  try {
    return await run(engine, datamodel);
  } finally {
    engine.free();
    await pool.end();
  }
}

/**
 * Run on a shadow database before the migrations. The role they grant to is cluster-wide and is
 * made by prisma/database.ts, not by a migration, so a fresh cluster may not have it yet. The WASM
 * engine records each migration it replays there, but (unlike the native one) does not create the
 * table it records them in; it is Prisma's own definition and is left out of every diff.
 */
const SHADOW_DB_INIT = `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'servicepro_app') THEN
    CREATE ROLE servicepro_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object THEN NULL; -- made concurrently
END $$;
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

async function listMigrations(migrationsDir = MIGRATIONS_DIR) {
  const entries = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lock = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: SHADOW_DB_INIT,
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8').then(
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

const NO_FILTERS = { externalTables: [], externalEnums: [] };
type Engine = import('@prisma/schema-engine-wasm').SchemaEngine;
type DiffTarget = import('@prisma/schema-engine-wasm').DiffTarget;

/** The SQL that takes `from` to `to`, or '' when they are the same (the engine then returns only a comment). */
async function diffSql(engine: Engine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const { stdout } = await engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTERS });
  return stdout?.replace(/^--.*$/gm, '').trim() ? stdout : '';
}

async function migrationsTarget(migrationsDir: string): Promise<DiffTarget> {
  const migrations = await listMigrations(migrationsDir);
  return migrations.migrationDirectories.length ? { tag: 'migrations', ...migrations } : { tag: 'empty' };
}

/**
 * Does what the migrations build match schema.prisma? The engine replays every migration.sql in
 * `migrationsDir` on one scratch (shadow) database, and schema.prisma's own SQL on another, reads
 * both back, and returns the SQL between them: '' when the migrations build exactly the schema.
 * Both sides are read the same way, so this cannot be fooled by a stale schema snapshot, nor by
 * how the engine reads a database back (through the pg adapter it does not see `dbgenerated`
 * column defaults; those are checked by the isolation tests, which insert without a tenant id).
 * `databaseUrl` must be allowed to create databases (the scratch ones are dropped afterwards).
 */
export async function migrationDrift(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string> {
  const from = await migrationsTarget(migrationsDir);
  return withEngine(databaseUrl, async (engine, current) => {
    const schemaSql = await diffSql(engine, { tag: 'empty' }, { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: current }] });
    const builtBySchema = await listMigrations(migrationsDir);
    builtBySchema.migrationDirectories = [{ path: '00000000000000_schema_prisma', migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: schemaSql } } }];
    return diffSql(engine, from, { tag: 'migrations', ...builtBySchema });
  });
}

/**
 * Like `prisma migrate diff --from-migrations --to-schema --script`, the source of
 * `npm run db:migration:new`: the SQL that takes what the migrations build (replayed on a shadow
 * database) to schema.prisma. Hand-written SQL (row-level security, grants) is outside Prisma's
 * diff and is added to the new migration by its author, as Prisma's own docs advise. It also
 * restates each tenant table's `tenant_id` default, which the engine does not read back (see
 * migrationDrift): harmless, the same default again.
 */
export async function sqlForNewMigration(databaseUrl: string): Promise<string> {
  const from = await migrationsTarget(MIGRATIONS_DIR);
  return withEngine(databaseUrl, (engine, current) => diffSql(engine, from, { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: current }] }));
}
