// What both IVR benchmarks run against: a throwaway Postgres + Temporal, the API over HTTP, the
// worker as its own process (as deployed, so the API keeps its event loop), one IVR tenant, and
// a signed-webhook poster that reads the TwiML's next action.
import { spawn } from 'node:child_process';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startApiServer } from '../api/server.ts';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { parseConfig } from '../domain/config.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { freePort } from '../scripts/ports.ts';

export const BENCH_NUMBER = '+19185550177';
export const BENCH_TASK_QUEUE = 'bench-ivr';

export function startWorkerProcess(env: Record<string, string>) {
  // BENCH_WORKER_CPU_PROF=<dir>: the worker writes a CPU profile there when it stops (where its milliseconds go).
  const profile = process.env.BENCH_WORKER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'workers/main.ts'], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const polling = new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      // Only the tail, for the exit message: a long run must not grow (and rescan) all it ever printed.
      output = (output + chunk).slice(-4000);
      if (output.includes('worker polling')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${output.slice(-2000)}`)));
  });
  return {
    polling,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Twilio's answer, as the benchmark reads it. */
export interface Answer {
  body: string;
  /** The next Gather's action (a menu), or the Record's (a voicemail prompt). */
  gather?: string;
  record?: string;
}

const attribute = (twiml: string, verb: string) => twiml.match(new RegExp(`<${verb}[^>]*action="([^"]+)"`))?.[1]?.replace(/&amp;/g, '&');

/** `withWorker: false`: no worker polls until `startWorker()` (the worker-stopped run). */
export async function startIvrBenchStack(options: { withWorker?: boolean } = {}) {
  const stack = await startEphemeralStack();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = parseConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: String(port), PUBLIC_BASE_URL: base, DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: BENCH_TASK_QUEUE, SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
  });
  const deps = await createDeps(config, createLogger('silent'));
  const workerEnv = {
    DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: BENCH_TASK_QUEUE, SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64, PUBLIC_BASE_URL: base, LOG_LEVEL: 'info',
  };
  let worker: ReturnType<typeof startWorkerProcess> | undefined;
  const startWorker = async () => {
    worker ??= startWorkerProcess(workerEnv);
    await worker.polling;
  };
  if (options.withWorker !== false) await startWorker();
  const api = await startApiServer(deps, port, '127.0.0.1');
  const { authToken } = twilioCredentials(config, deps.masterKey);
  await deps.db.tenant.create({
    data: {
      id: 'bench-ivr', slug: 'bench-ivr',
      config: { create: { businessName: 'Bench Detailing', tier: 'pro', status: 'active' } },
      phoneConfig: { create: { phoneNumber: BENCH_NUMBER, ivrMode: 'ivr', forwardingNumber: '+19185550111', missedCallTextBack: false } },
    },
  });

  /** A signed webhook over HTTP; throws on a non-2xx answer (an error, never a fallback). */
  const webhook = async (path: string, params: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, `${base}${path}`, params) },
      body: new URLSearchParams(params).toString(),
    });
    const body = await response.text();
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${body.slice(0, 200)}`);
    return { body, gather: attribute(body, 'Gather'), record: attribute(body, 'Record') };
  };

  return {
    stack,
    deps,
    webhook,
    startWorker,
    stop: async () => {
      await api.close();
      await worker?.stop();
      await closeDeps(deps);
      await stack.stop();
    },
  };
}

export type IvrBenchStack = Awaited<ReturnType<typeof startIvrBenchStack>>;
