// `npm run bench -- ivr`. Closed loop: N callers back to back, each walking a 3-step IVR (incoming →
// wrong key → 3 for voicemail) plus the status callback, next to floors measured in the same run (a
// bare Hono route returning static TwiML, a bare Temporal update, bare signalWithStart + a signal,
// and the same two behind a bare Hono route: every webhook pays that HTTP hop, so the honest floor has it too).
// Then the open loop (bench/ivr-open.ts): Poisson arrivals with callers' pauses, capacity at SLO.
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Hono } from 'hono';
import { temporalDataConverter } from '../workers/runtime/codec.ts';
import { doneSignal, floorCallWorkflow, floorWorkflow, pingUpdate, stepSignal } from './floor-workflow.ts';
import { runOpenLoop, type OpenLoopReport } from './ivr-open.ts';
import { BENCH_NUMBER, startIvrBenchStack } from './ivr-stack.ts';
import { measure, writeResults, type Series } from './measure.ts';
import { freePort } from '../scripts/ports.ts';

const require = createRequire(import.meta.url);
const LEVELS = (process.env.BENCH_CALLERS ?? '1,10,50,200').split(',').map(Number);
const CALLS_PER_LEVEL = Number(process.env.BENCH_CALLS ?? 400);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

export interface IvrRow {
  callers: number;
  step: string;
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  callsPerSec?: number;
  /** Calls that got the API's fallback TwiML instead of the menu. */
  fallbacks?: number;
  /** Webhooks answered with a non-2xx or not at all. */
  errors?: number;
}

export async function runIvrBench(): Promise<{ rows: IvrRow[]; floors: Series[]; openLoop?: OpenLoopReport }> {
  const bench = await startIvrBenchStack();
  const { deps, webhook } = bench;

  // The floors: a static route on the same HTTP stack, an empty Temporal update, bare signals.
  const staticTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>';
  const floorPort = await freePort();
  // The honest floor of a webhook: the HTTP hop every webhook pays, then the bare Temporal call (same codec'd client).
  let floorHandles: Awaited<ReturnType<typeof deps.temporal.workflow.start>>[] = [];
  let httpFloorCalls = 0;
  const floorApp = new Hono()
    .post('/static', (c) => c.body(staticTwiml, 200, { 'content-type': 'text/xml' }))
    .post('/sws', async (c) => {
      const workflowId = `bench-http-sws-${Date.now().toString(36)}-${httpFloorCalls++}`;
      await deps.temporal.workflow.signalWithStart(floorCallWorkflow, { workflowId, taskQueue: 'bench-floor', signal: stepSignal, signalArgs: [{ step: 0 }] });
      return c.body(staticTwiml, 200, { 'content-type': 'text/xml' });
    })
    .post('/signal', async (c) => {
      await floorHandles[httpFloorCalls++ % floorHandles.length]!.signal(stepSignal, { step: 1 });
      return c.body(staticTwiml, 200, { 'content-type': 'text/xml' });
    });
  const floorServer = serve({ fetch: floorApp.fetch, port: floorPort, hostname: '127.0.0.1' });
  const postFloor = (route: string) => fetch(`http://127.0.0.1:${floorPort}${route}`, { method: 'POST', body: 'Digits=1' }).then((r) => r.text());
  const floorConnection = await NativeConnection.connect({ address: bench.stack.temporalAddress });
  const floorWorker = await Worker.create({ connection: floorConnection, taskQueue: 'bench-floor', workflowsPath: require.resolve('./floor-workflow.ts'), dataConverter: temporalDataConverter(deps.masterKey) });
  const floorRun = floorWorker.run();

  const rows: IvrRow[] = [];
  const floors: Series[] = [];
  let openLoop: OpenLoopReport | undefined;
  try {
    for (const callers of LEVELS) {
      const latencies: Record<string, number[]> = { incoming: [], 'menu (wrong key)': [], 'menu (3: voicemail)': [], status: [] };
      let errors = 0;
      const timed = async <T>(step: string, work: () => Promise<T>): Promise<T | undefined> => {
        const t0 = performance.now();
        try {
          return await work();
        } catch {
          errors += 1;
          return undefined;
        } finally {
          latencies[step]!.push(performance.now() - t0);
        }
      };
      let next = 0;
      let fallbacks = 0;
      const calls = callers === 1 ? Math.min(CALLS_PER_LEVEL, 100) : CALLS_PER_LEVEL;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: callers }, async () => {
          while (next < calls) {
            const i = next++;
            const call = { CallSid: `CA${callers.toString().padStart(4, '0')}${i.toString().padStart(28, '0')}`, From: '+19185550199', To: BENCH_NUMBER, CallStatus: 'ringing', Direction: 'inbound' };
            const menu = (await timed('incoming', () => webhook('/twilio/voice/incoming', call)))?.gather;
            const again = menu && (await timed('menu (wrong key)', () => webhook(menu, { ...call, Digits: '9' })))?.gather;
            const prompt = again && (await timed('menu (3: voicemail)', () => webhook(again, { ...call, Digits: '3' })));
            if (!prompt || !prompt.record) fallbacks += 1;
            await timed('status', () => webhook('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '20' }));
          }
        }),
      );
      const callsPerSec = round(calls / ((performance.now() - started) / 1000));
      for (const [step, values] of Object.entries(latencies)) {
        values.sort((a, b) => a - b);
        rows.push({ callers, step, n: values.length, p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), p99Ms: round(percentile(values, 99)), ...(step === 'incoming' ? { callsPerSec, fallbacks, errors } : {}) });
      }
      console.log(`closed loop ${callers} callers done`);
    }
    // Kept as it goes: a long run on a busy machine must not lose what it measured.
    await writeResults('ivr-partial', { rows });

    const handles = await Promise.all(
      Array.from({ length: 50 }, (_, i) => deps.temporal.workflow.start(floorWorkflow, { workflowId: `bench-floor-${Date.now()}-${i}`, taskQueue: 'bench-floor' })),
    );
    floorHandles = handles;
    // A floor op that fails (a server under load) is counted in its latency, not fatal to the run.
    const tolerant = <T>(op: (i: number) => Promise<T>) => (i: number) => op(i).catch(() => undefined);
    for (const callers of LEVELS) {
      floors.push(await measure(`floor: bare Hono route, static TwiML (c=${callers})`, 2000, callers, () => fetch(`http://127.0.0.1:${floorPort}/static`, { method: 'POST', body: 'Digits=1' }).then((r) => r.text())));
      floors.push(await measure(`floor: bare Temporal update, empty handler (c=${callers})`, 1000, callers, tolerant((i) => handles[Math.abs(i) % handles.length]!.executeUpdate(pingUpdate, { args: ['x'] }))));
      const run = Date.now().toString(36);
      floors.push(
        await measure(`floor: bare signalWithStart, new workflow (c=${callers})`, 1000, callers, tolerant((i) =>
          deps.temporal.workflow.signalWithStart(floorCallWorkflow, { workflowId: `bench-sws-${run}-${i}`, taskQueue: 'bench-floor', signal: stepSignal, signalArgs: [{ step: 0 }] }),
        )),
      );
      floors.push(await measure(`floor: bare signal to a running workflow (c=${callers})`, 1000, callers, tolerant((i) => handles[Math.abs(i) % handles.length]!.signal(stepSignal, { step: i }))));
      floors.push(await measure(`floor: HTTP + signalWithStart (c=${callers})`, 1000, callers, tolerant(() => postFloor('/sws'))));
      floors.push(await measure(`floor: HTTP + signal (c=${callers})`, 1000, callers, tolerant(() => postFloor('/signal'))));
    }
    await Promise.all(handles.map((handle) => handle.signal(doneSignal).catch(() => undefined)));
    await writeResults('ivr-partial', { rows, floors });

    if (process.env.BENCH_OPEN !== '0') openLoop = await runOpenLoop(bench);
  } finally {
    floorWorker.shutdown();
    await floorRun.catch(() => {});
    await floorConnection.close();
    floorServer.close();
    await bench.stop();
  }
  return { rows, floors, openLoop };
}

/** One caller's webhooks against their floors of the same run: the target is p50 ≤ 1.3× the floor. */
export function floorRatios(rows: IvrRow[], floors: Series[]) {
  const floor = (name: string) => floors.find((f) => f.name === `floor: ${name} (c=1)`)?.p50Ms;
  const ratios: { webhook: string; p50Ms: number; floor: string; floorP50Ms: number; ratio: number }[] = [];
  for (const row of rows.filter((r) => r.callers === 1)) {
    const [bare, http] = row.step === 'incoming' ? ['bare signalWithStart, new workflow', 'HTTP + signalWithStart'] : ['bare signal to a running workflow', 'HTTP + signal'];
    for (const name of [bare, http]) {
      const p50 = floor(name);
      if (p50) ratios.push({ webhook: row.step, p50Ms: row.p50Ms, floor: name, floorP50Ms: p50, ratio: Math.round((row.p50Ms / p50) * 100) / 100 });
    }
  }
  return ratios;
}
