// N concurrent callers, each walking a 3-step IVR (incoming → wrong key → 3 for voicemail) plus the
// status callback, with signed webhooks over HTTP against the real API, worker, Temporal and
// Postgres. Next to two floors measured in the same run: a bare Hono route returning static TwiML,
// and a bare Temporal update round trip with an empty handler.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Hono } from 'hono';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startApiServer } from '../api/server.ts';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { parseConfig } from '../domain/config.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { freePort } from '../scripts/ports.ts';
import { temporalDataConverter } from '../workers/runtime/codec.ts';

import { doneSignal, floorWorkflow, pingUpdate } from './floor-workflow.ts';
import { measure, type Series } from './measure.ts';

const require = createRequire(import.meta.url);
const LEVELS = (process.env.BENCH_CALLERS ?? '10,50,200').split(',').map(Number);
const CALLS_PER_LEVEL = Number(process.env.BENCH_CALLS ?? 400);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function startWorkerProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('worker polling')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${output}`)));
  });
  return {
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export interface IvrRow {
  callers: number;
  step: string;
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  callsPerSec?: number;
  /** Calls that got the API's fallback TwiML because the workflow missed the webhook deadline. */
  fallbacks?: number;
}

export async function runIvrBench(): Promise<{ rows: IvrRow[]; floors: Series[] }> {
  const stack = await startEphemeralStack();
  const port = await freePort();
  const config = parseConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: String(port), DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: 'bench-ivr', SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
  });
  const deps = await createDeps(config, createLogger('silent'));
  // The worker runs as its own process (`npm run worker`), as deployed: the API keeps its event loop.
  const worker = await startWorkerProcess({
    DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: 'bench-ivr', SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'info',
  });
  const api = await startApiServer(deps, port, '127.0.0.1');
  const { authToken } = twilioCredentials(config, deps.masterKey);

  // The floors: a static route on the same HTTP stack, and an empty Temporal update.
  const staticTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>';
  const floorPort = await freePort();
  const floorServer = serve({ fetch: new Hono().post('/static', (c) => c.body(staticTwiml, 200, { 'content-type': 'text/xml' })).fetch, port: floorPort, hostname: '127.0.0.1' });
  const floorConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  // Same payload codec as the product, so the floor pays the same encryption the IVR does.
  const floorWorker = await Worker.create({ connection: floorConnection, taskQueue: 'bench-floor', workflowsPath: require.resolve('./floor-workflow.ts'), dataConverter: temporalDataConverter(deps.masterKey) });
  const floorRun = floorWorker.run();

  const rows: IvrRow[] = [];
  const floors: Series[] = [];
  try {
    await deps.db.tenant.create({
      data: {
        id: 'bench-ivr', slug: 'bench-ivr',
        config: { create: { businessName: 'Bench Detailing', tier: 'pro', status: 'active' } },
        phoneConfig: { create: { phoneNumber: '+19185550177', ivrMode: 'ivr', forwardingNumber: '+19185550111', missedCallTextBack: false } },
      },
    });
    const base = `http://127.0.0.1:${port}`;
    const webhook = async (path: string, params: Record<string, string>) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, `${config.PUBLIC_BASE_URL}${path}`, params) },
        body: new URLSearchParams(params).toString(),
      });
      const body = await response.text();
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${body}`);
      return body;
    };
    // A response without a menu action is the API's fallback TwiML: the workflow missed the deadline.
    const actionIn = (twiml: string) => twiml.match(/<Gather[^>]*action="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');

    for (const callers of LEVELS) {
      const latencies: Record<string, number[]> = { incoming: [], 'menu (wrong key)': [], 'menu (3: voicemail)': [], status: [] };
      const timed = async <T>(step: string, work: () => Promise<T>) => {
        const t0 = performance.now();
        const result = await work();
        latencies[step]!.push(performance.now() - t0);
        return result;
      };
      let next = 0;
      let fallbacks = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: callers }, async () => {
          while (next < CALLS_PER_LEVEL) {
            const i = next++;
            const call = { CallSid: `CA${callers.toString().padStart(4, '0')}${i.toString().padStart(28, '0')}`, From: '+19185550199', To: '+19185550177', CallStatus: 'ringing', Direction: 'inbound' };
            const menu = actionIn(await timed('incoming', () => webhook('/twilio/voice/incoming', call)));
            const again = menu && actionIn(await timed('menu (wrong key)', () => webhook(menu, { ...call, Digits: '9' })));
            if (again) await timed('menu (3: voicemail)', () => webhook(again, { ...call, Digits: '3' }));
            else fallbacks += 1;
            await timed('status', () => webhook('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '20' }));
          }
        }),
      );
      const callsPerSec = round(CALLS_PER_LEVEL / ((performance.now() - started) / 1000));
      for (const [step, values] of Object.entries(latencies)) {
        values.sort((a, b) => a - b);
        rows.push({ callers, step, n: values.length, p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), p99Ms: round(percentile(values, 99)), ...(step === 'incoming' ? { callsPerSec, fallbacks } : {}) });
      }
    }

    // Floors at the same concurrency as each level of callers.
    const handles = await Promise.all(
      Array.from({ length: 50 }, (_, i) => deps.temporal.workflow.start(floorWorkflow, { workflowId: `bench-floor-${Date.now()}-${i}`, taskQueue: 'bench-floor' })),
    );
    for (const callers of LEVELS) {
      floors.push(await measure(`floor: bare Hono route, static TwiML (c=${callers})`, 2000, callers, () => fetch(`http://127.0.0.1:${floorPort}/static`, { method: 'POST', body: 'Digits=1' }).then((r) => r.text())));
      floors.push(await measure(`floor: bare Temporal update, empty handler (c=${callers})`, 1000, callers, (i) => handles[Math.abs(i) % handles.length]!.executeUpdate(pingUpdate, { args: ['x'] })));
    }
    await Promise.all(handles.map((handle) => handle.signal(doneSignal)));
  } finally {
    floorWorker.shutdown();
    await floorRun.catch(() => {});
    await floorConnection.close();
    floorServer.close();
    await api.close();
    await worker.stop();
    await closeDeps(deps);
    await stack.stop();
  }
  return { rows, floors };
}
