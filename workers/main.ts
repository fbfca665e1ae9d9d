// `npm run worker`: one worker process for a deployment that runs its parts separately (see
// docs/operations.md). Run as many as the load needs; they share the task queue.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runtime } from '@temporalio/worker';
import { closeDeps, createDeps } from '../api/deps.ts';
import { createLogger, temporalRuntimeLogger } from '../api/logger.ts';
import { ConfigError, parseConfig } from '../domain/config.ts';
import { ensureSearchAttributes } from './temporal.ts';
import { ensureUsageSchedule } from './usage-schedule.ts';
import { billingDurations, reconcileBillingWorkflows } from './tenant-billing.ts';
import { bundleWorkflowsToFile, startWorker } from './worker.ts';

async function main() {
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, { process: 'worker' });
  // We stop the parts ourselves, in order; Temporal's runtime must not react to Ctrl-C on its own.
  // Its own log lines (activity failures with their errors) go through our logger, numbers masked.
  Runtime.install({ shutdownSignals: [], logger: temporalRuntimeLogger(logger) });
  // The same connections as the API: the RLS-bound database role and the codec-wrapped client.
  const deps = await createDeps(config, logger);
  await ensureSearchAttributes(deps.temporal.connection, config.TEMPORAL_NAMESPACE);
  // Usage metering must never keep the product from starting: log, and the next start tries again.
  await ensureUsageSchedule(deps.temporal, { taskQueue: config.TEMPORAL_TASK_QUEUE, intervalMinutes: config.USAGE_REPORT_INTERVAL_MINUTES }).catch((error: unknown) => logger.warn({ err: error }, 'usage schedule not ensured'));
  // A bundle built at deploy time (npm run build:workflows), else one built now in a child process.
  const workflowBundlePath = config.WORKFLOW_BUNDLE_PATH ?? (await bundleWorkflowsToFile(path.join(tmpdir(), `servicepro-workflows-${process.pid}.js`)));
  const worker = await startWorker({ address: config.TEMPORAL_ADDRESS!, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, masterKey: deps.masterKey, logger, activityDeps: deps, workflowBundlePath });
  // The worker has read the bundle; one built just for this process is not needed any more.
  if (!config.WORKFLOW_BUNDLE_PATH) await rm(workflowBundlePath, { force: true });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker polling');
  void reconcileBillingWorkflows(deps.db, deps.temporal, config.TEMPORAL_TASK_QUEUE, {
    onError: (tenantId, error) => logger.warn({ err: error, tenantId }, 'billing workflow not reconciled'),
    durations: billingDurations(config),
  }).then((result) => logger.info(result, 'billing workflows reconciled'));

  const stop = async () => {
    await worker.shutdown();
    await closeDeps(deps);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
