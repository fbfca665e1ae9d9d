import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../domain/config.ts';
import type { PrismaClient } from '../prisma/client.ts';

/** What activities are built from; tests point the providers' base URLs at local fakes. */
export interface ActivityDeps {
  db: PrismaClient;
  config: Config;
  masterKey: Buffer;
  logger: Logger;
  /** For activities that talk back to workflows (e.g. export progress); the worker passes the API's client. */
  temporal?: Client;
}
