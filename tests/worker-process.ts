import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { testStack } from './stack.ts';

/**
 * `npm run worker` as its own process on `taskQueue`, against the test stack, with the providers'
 * env (fakes); resolves once it polls. Kill it with SIGKILL to crash it mid-workflow.
 */
export async function startWorkerProcess(taskQueue: string, env: Record<string, string>): Promise<ChildProcess> {
  const stack = testStack();
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: stack.adminDatabaseUrl,
      APP_DATABASE_URL: stack.appDatabaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toMatch(/worker polling|Error/);
  expect(output).toMatch(/worker polling/);
  return child;
}

/**
 * Worker processes on one task queue, for tests that crash them: `start()` one more (with the
 * providers' env read when it starts), `killAll()` in afterAll for those still running.
 */
export function workerProcesses(taskQueue: string, env: () => Record<string, string>) {
  const started: ChildProcess[] = [];
  return {
    start: async () => {
      const worker = await startWorkerProcess(taskQueue, env());
      started.push(worker);
      return worker;
    },
    killAll: () => {
      for (const worker of started) if (worker.exitCode === null) worker.kill('SIGKILL');
    },
  };
}
