// `npm run worker`: one worker process for a deployment that runs its parts separately (see
// docs/operations.md). Run as many as the load needs; they share the task queue.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createLogger } from '../api/logger.ts';
import { appConnectionString, masterKeyFrom } from '../api/deps.ts';
import { ConfigError, parseConfig } from '../domain/config.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { connectTemporalClient, ensureSearchAttributes } from './temporal.ts';
import { billingDurations, reconcileBillingWorkflows } from './tenant-billing.ts';
import { startWorker } from './worker.ts';

async function main() {

  // We stop the parts ourselves, in order; Temporal's runtime must not react to Ctrl-C on its own.
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });
  const config = parseConfig(process.env);
  if (!config.TEMPORAL_ADDRESS) throw new ConfigError('TEMPORAL_ADDRESS is not set: point it at your Temporal frontend (host:7233).');
  const logger = createLogger(config.LOG_LEVEL, { process: 'worker' });
  const masterKey = masterKeyFrom(config);
  const settings = { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, masterKey };

  const client = await connectTemporalClient(settings);
  await ensureSearchAttributes(client.connection, config.TEMPORAL_NAMESPACE);
  const db = createPrismaClient(appConnectionString(config, masterKey), { maxConnections: 10 });
  const worker = await startWorker({ ...settings, logger, activityDeps: { db, config, masterKey, logger } });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker polling');
  void reconcileBillingWorkflows(db, client, config.TEMPORAL_TASK_QUEUE, {
    onError: (tenantId, error) => logger.warn({ err: error, tenantId }, 'billing workflow not reconciled'),
    durations: billingDurations(config),
  }).then((result) => logger.info(result, 'billing workflows reconciled'));

  const stop = async () => {
    await worker.shutdown();
    await Promise.allSettled([db.$disconnect(), client.connection.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
