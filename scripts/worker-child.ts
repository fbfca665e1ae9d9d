// `npm start`'s worker: workers/main.ts (what `npm run worker` runs) as a child process, so no
// activity — a slow export, a long text, a stuck provider call — can stall the API's event loop
// and with it the voice webhooks. It gets the resolved configuration through its environment.
// If it dies it is restarted (after 1, 2, 4… up to 30 s); if it cannot get back to polling five
// times in a row, `onGiveUp` is called and npm start stops with a message saying so.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { forgetChild, recordChild } from './leftovers.ts';

const WORKER_SCRIPT = path.resolve(import.meta.dirname, '../workers/main.ts');
/** tsx's loader by its resolved URL, so the worker runs wherever npm start was started from. */
const TSX_LOADER = import.meta.resolve('tsx');
const MAX_FAILED_STARTS = 5;
/** A worker that has not polled by then is stuck (it normally takes a few seconds): killed, and counted as a failed start. */
const START_TIMEOUT_MS = 90_000;

export interface WorkerChild {
  /** The worker process's pid right now (it changes when it is restarted). */
  pid: () => number | undefined;
  /** Stops it (SIGTERM: running activities finish, then it exits; SIGKILL after 30 s) and stops restarting it. */
  stop: () => Promise<void>;
}

export async function startWorkerChild(options: {
  env: Record<string, string | undefined>;
  /** Where npm start keeps its state: the worker's pid is recorded there (scripts/leftovers.ts). */
  dataDir: string;
  log: (message: string) => void;
  onGiveUp: (reason: string) => void;
}): Promise<WorkerChild> {
  let current: ChildProcess | undefined;
  let stopping = false;
  let failedStarts = 0;

  /** One worker process; resolves once it polls, rejects when it exits before that. */
  const launch = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      // An IPC channel: the worker says when it polls, and stops by itself when the channel closes.
      const child = fork(WORKER_SCRIPT, [], { env: options.env, execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      current = child;
      if (child.pid) recordChild(options.dataDir, 'worker', { pid: child.pid, marker: WORKER_SCRIPT });
      let polling = false;
      let timedOut = false;
      const startTimer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, START_TIMEOUT_MS);
      child.on('message', (message: { worker?: string }) => {
        if (message?.worker !== 'polling' || polling) return;
        polling = true;
        failedStarts = 0;
        clearTimeout(startTimer);
        resolve(child);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(startTimer);
        if (current === child) forgetChild(options.dataDir, 'worker');
        const how = timedOut ? `it was not polling after ${START_TIMEOUT_MS / 1000} s` : signal ? `signal ${signal}` : `exit code ${code}`;
        if (!polling) reject(new Error(`the worker exited before it could poll (${how})`));
        else if (!stopping) void restart(`the worker stopped unexpectedly (${how})`);
      });
    });

  const restart = async (reason: string) => {
    failedStarts += 1;
    if (failedStarts > MAX_FAILED_STARTS) return options.onGiveUp(`${reason}, and it failed to start again ${MAX_FAILED_STARTS} times in a row: see its log above.`);
    const delayMs = Math.min(30_000, 1_000 * 2 ** (failedStarts - 1));
    options.log(`✖ ${reason} — the API goes on answering; restarting the worker in ${delayMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (stopping) return;
    await launch().then(
      (child) => options.log(`worker restarted (process ${child.pid})`),
      (error: Error) => restart(error.message),
    );
  };

  await launch();
  return {
    pid: () => current?.pid,
    stop: async () => {
      stopping = true;
      const child = current;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
