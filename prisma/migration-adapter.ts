// The pg driver adapter as the WASM schema engine needs it to migrate, diff and describe
// databases (prisma/migrator.ts): the adapter (7.10) as shipped cannot describe a database, nor
// make and drop the scratch (shadow) database a migrations diff replays on.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/**
 * The pool as explicit fields, not a connection string: a shadow database's pool is this one with
 * another `database`, which pg ignores when a connection string is given.
 */
export function poolConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
    max: 2,
  };
}

const PG_CHAR_OID = 18; // Postgres' internal one-byte "char" (pg_constraint.contype and the like)
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils
const charColumns = new AsyncLocalStorage<number[]>();

/**
 * A pool for a database the engine describes. The engine reads catalog columns of type "char" and
 * wants them as characters; the pg adapter (7.10) refuses that type outright. The pool hands the
 * adapter such columns as text and notes where they were, and `describableAdapter` types them
 * back as characters.
 */
class DescribablePool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (!(result instanceof Promise)) return result as never;
    return result.then((res: pg.QueryResult) => {
      res.fields?.forEach((field, index) => {
        if (field.dataTypeID !== PG_CHAR_OID) return;
        field.dataTypeID = PG_TEXT_OID;
        charColumns.getStore()?.push(index);
      });
      return res;
    }) as never;
  }
}

function describableAdapter<A extends SqlDriverAdapter>(adapter: A): A {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = (query) => {
    const found: number[] = [];
    return charColumns.run(found, async () => {
      const result = await queryRaw(query);
      for (const index of found) result.columnTypes[index] = CHARACTER_COLUMN as never;
      return result;
    });
  };
  return adapter;
}

/**
 * The pg adapter for the engine, with shadow databases of our own: the adapter's own drops the
 * database while its pool is still connected (and so fails), and copies the pool's options
 * without the password pg keeps hidden in them. Ours closes its pool first, then drops it.
 */
export function migrationAdapterFactory(pool: pg.Pool, config: pg.PoolConfig): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg(pool);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb() {
      const name = `servicepro_shadow_${randomUUID().replace(/-/g, '')}`;
      await pool.query(`CREATE DATABASE "${name}"`);
      const shadowPool = new DescribablePool({ ...config, database: name, max: 1 });
      // Dropping the scratch database ends its connections; that is no error of anyone's.
      shadowPool.on('connect', (client) => client.on('error', () => {}));
      shadowPool.on('error', () => {});
      const adapter = describableAdapter(await new PrismaPg(shadowPool as pg.Pool).connect());
      const dispose = adapter.dispose.bind(adapter);
      return Object.assign(adapter, {
        dispose: async () => {
          await dispose();
          await shadowPool.end();
          await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      });
    },
  };
}
