import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { ActivityDeps } from '../activities/deps.ts';
import { createActivities } from '../activities/index.ts';
import { temporalDataConverter } from './runtime/codec.ts';
import { workflowBundleOptions } from './workflow-bundle-options.ts';
import type { TemporalSettings } from './runtime/temporal.ts';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow bundle (webpack + swc, ~2 s), built once per process (workers/workflow-bundle-options.ts). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode(workflowBundleOptions());
  return bundle;
}

/**
 * Bundles the workflow code into `outPath` in a child process (workers/bundle-workflows.ts), so
 * the bundler's few hundred MB are returned when it exits instead of staying in this process.
 */
export async function bundleWorkflowsToFile(outPath: string): Promise<string> {
  const script = path.resolve(import.meta.dirname, './bundle-workflows.ts');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', script, outPath], { maxBuffer: 16 * 1024 * 1024 });
  return outPath;
}

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped (after `shutdown()`). */
  done: Promise<void>;
  shutdown: () => Promise<void>;
}

/** Starts a worker polling ServicePro's task queue, with the payload codec and every activity. */
export async function startWorker(settings: TemporalSettings & { logger?: Logger; activityDeps: ActivityDeps; /** A prebuilt bundle (bundleWorkflowsToFile); else bundled in this process. */ workflowBundlePath?: string }): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: settings.address });
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    workflowBundle: settings.workflowBundlePath ? { codePath: settings.workflowBundlePath } : await workflowBundle(),
    activities: createActivities(settings.activityDeps),
    dataConverter: temporalDataConverter(settings.masterKey),
  });
  const done = worker.run().finally(() => connection.close());
  done.catch((error) => settings.logger?.error({ err: error }, 'worker stopped with an error'));
  return {
    worker,
    done,
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => {});
    },
  };
}
