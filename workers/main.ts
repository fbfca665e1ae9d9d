// `npm run worker`: one worker process for a deployment that runs its parts separately (see
// docs/operations.md). Run as many as the load needs; they share the task queue. `npm start` runs
// this same file as its child (scripts/worker-child.ts): then it says when it polls over the IPC
// channel, and stops when that channel closes — its parent is gone, even if killed outright.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runtime } from '@temporalio/worker';
import { closeDeps, createDeps } from './runtime/deps.ts';
import { createLogger, temporalRuntimeLogger } from './runtime/logger.ts';
import { ConfigError, parseConfig } from '../domain/config.ts';
import { ensureSearchAttributes } from './runtime/temporal.ts';
import { ensureUsageSchedule } from './client/usage-schedule.ts';
import { ensureCallEventDrain } from './client/call-event-drain.ts';
import { billingDurations, reconcileBillingWorkflows } from './client/tenant-billing.ts';
import { bundleWorkflowsToFile, startWorker } from './worker.ts';

/** Stops the worker (letting running activities finish) and exits; once, whatever asks first. */
let stop: () => Promise<void> = async () => process.exit(0); // nothing to let finish before the worker runs
let stopping = false;
const stopOnce = () => {
  if (stopping) return;
  stopping = true;
  void stop();
};
process.once('SIGINT', stopOnce);
process.once('SIGTERM', stopOnce);
if (process.send) process.once('disconnect', stopOnce);

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
  // Call events kept in Postgres while Temporal was away are delivered by this deployment's drain workflow.
  await ensureCallEventDrain(deps.temporal, config.TEMPORAL_TASK_QUEUE);
  // A bundle built at deploy time (npm run build:workflows), else one built now in a child process.
  const workflowBundlePath = config.WORKFLOW_BUNDLE_PATH ?? (await bundleWorkflowsToFile(path.join(tmpdir(), `servicepro-workflows-${process.pid}.js`)));
  const worker = await startWorker({ address: config.TEMPORAL_ADDRESS!, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, masterKey: deps.masterKey, logger, activityDeps: deps, workflowBundlePath });
  // The worker has read the bundle; one built just for this process is not needed any more.
  if (!config.WORKFLOW_BUNDLE_PATH) await rm(workflowBundlePath, { force: true });
  stop = async () => {
    await worker.shutdown();
    await closeDeps(deps);
    process.exit(0);
  };
  if (stopping) return void stop(); // asked to stop while it was starting
  // A worker that stops by itself (its connection gave up) is of no use: exit, to be restarted.
  void worker.done.then(() => !stopping && process.exit(1), () => process.exit(1));
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker polling');
  process.send?.({ worker: 'polling' });
  void reconcileBillingWorkflows(deps.db, deps.temporal, config.TEMPORAL_TASK_QUEUE, {
    onError: (tenantId, error) => logger.warn({ err: error, tenantId }, 'billing workflow not reconciled'),
    durations: billingDurations(config),
  }).then((result) => logger.info(result, 'billing workflows reconciled'));

}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
