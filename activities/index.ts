import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../domain/config.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { createBillingActivities } from './billing.ts';
import { createCallActivities } from './calls.ts';
import { createExportActivities } from './export.ts';
import { createKeptMessageActivities } from './kept-messages.ts';
import { createMailActivities } from './mail.ts';
import { createMessagingActivities } from './messaging.ts';
import { createUsageActivities } from './usage.ts';
import { createRetentionActivities } from './retention.ts';

/** What activities are built from; tests point the providers' base URLs at local fakes. */
export interface ActivityDeps {
  db: PrismaClient;
  config: Config;
  masterKey: Buffer;
  logger: Logger;
  /** For activities that talk back to workflows (e.g. export progress); the worker passes the API's client. */
  temporal?: Client;
}

/** Every activity the worker registers, one factory per outside system. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createCallActivities(deps.db),
    ...createKeptMessageActivities(deps.db),
    ...createMessagingActivities(deps),
    ...createMailActivities(deps),
    ...createBillingActivities(deps),
    ...createExportActivities(deps),
    ...createUsageActivities(deps),
    ...createRetentionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
