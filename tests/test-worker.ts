import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { temporalDataConverter } from '../workers/runtime/codec.ts';
import { testStack, uniqueId } from './stack.ts';

/**
 * A worker of its own on a fresh task queue (or `taskQueue`), polling the test stack's Temporal while `run` runs,
 * with the activities (and workflows) a test gives it and the stack's payload codec.
 */
export async function withTestWorker<T>(
  options: { activities: object; workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>; taskQueue?: string },
  run: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const stack = testStack();
  const taskQueue = options.taskQueue ?? uniqueId('tq-own');
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  try {
    const worker = await Worker.create({
      connection,
      namespace: stack.temporalNamespace,
      taskQueue,
      ...options.workflows,
      activities: options.activities,
      dataConverter: temporalDataConverter(Buffer.from(stack.masterKeyBase64, 'base64')),
    });
    return await worker.runUntil(run(taskQueue));
  } finally {
    await connection.close();
  }
}
