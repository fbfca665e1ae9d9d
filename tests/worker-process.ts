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
