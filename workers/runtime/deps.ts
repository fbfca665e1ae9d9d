import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../../domain/config.ts';
import { createPrismaClient, type PrismaClient } from '../../prisma/client.ts';
import { appDatabaseUrl } from '../../prisma/database.ts';
import { connectTemporalClient } from './temporal.ts';

// The one place the API and worker processes get their connections from (DESIGN.md): it lives in
// workers/ because the API may import the workers' client side, and the worker may import nothing of api/.

/** What every ServicePro process runs on; the API's AppDeps add to it, the activities take it as ActivityDeps. */
export interface ServiceDeps {
  config: Config;
  /** Connected as the row-level-security-bound app role. */
  db: PrismaClient;
  /** Its payloads go through the encrypting codec. */
  temporal: Client;
  logger: Logger;
  masterKey: Buffer;
}

export function masterKeyFrom(config: Config): Buffer {
  if (!config.SERVICEPRO_ENCRYPTION_KEY) {
    throw new ConfigError('SERVICEPRO_ENCRYPTION_KEY is not set: set it (openssl rand -base64 32), or run `npm start`, which creates one for development.');
  }
  return Buffer.from(config.SERVICEPRO_ENCRYPTION_KEY, 'base64');
}

function appConnectionString(config: Config, masterKey: Buffer): string {
  if (config.APP_DATABASE_URL) return config.APP_DATABASE_URL;
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set: point it at Postgres, or run `npm start` for the embedded one.');
  return appDatabaseUrl(config.DATABASE_URL, masterKey);
}

/** The API's and worker's connections, built once from validated config; `extra` is the process's own (the API's webDist). */
export async function createDeps<Extra extends object = object>(config: Config, logger: Logger, extra: Extra = {} as Extra): Promise<ServiceDeps & Extra> {
  if (!config.TEMPORAL_ADDRESS) throw new ConfigError('TEMPORAL_ADDRESS is not set: point it at Temporal (host:7233), or run `npm start` for the embedded dev server.');
  const masterKey = masterKeyFrom(config);
  const db = createPrismaClient(appConnectionString(config, masterKey));
  const temporal = await connectTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, masterKey });
  return { config, db, temporal, logger, masterKey, ...extra };
}

export async function closeDeps(deps: Pick<ServiceDeps, 'db' | 'temporal'>): Promise<void> {
  await Promise.allSettled([deps.db.$disconnect(), deps.temporal.connection.close()]);
}
