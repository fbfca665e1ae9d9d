// The open-loop half of `npm run bench -- ivr`: per arrival rate, callers walking the IVR over
// signed HTTP webhooks (incoming → 1 for info → 3 for voicemail → the recording → hang up), and
// next to it the floor: the same arrivals and pauses as bare signalWithStart + signals against an
// empty workflow (what the edge design cannot beat: Temporal persisting each event).
import { NativeConnection, Worker } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { temporalDataConverter } from '../workers/runtime/codec.ts';
import { doneSignal, floorCallWorkflow, stepSignal } from './floor-workflow.ts';
import { BENCH_NUMBER, type IvrBenchStack } from './ivr-stack.ts';
import { capacityAtSlo, jittered, openLoop, thinkTimesFrom, type Caller, type OpenLoopResult } from './open-loop.ts';

const require = createRequire(import.meta.url);
const RATES = (process.env.BENCH_RATES ?? '2,5,10,20,40').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 15);
const THINK = thinkTimesFrom(process.env.BENCH_THINK_MS);
/** A rate whose IVR p99 passes this is overloaded; higher rates would only say so again. */
const GIVE_UP_P99_MS = 5_000;

export interface OpenLoopReport {
  seconds: number;
  think: typeof THINK;
  ivr: OpenLoopResult[];
  floor: OpenLoopResult[];
  capacityAtSlo: { ivr: number; floor: number; sloP99Ms: number };
}

function ivrCaller(bench: IvrBenchStack, runId: string): Caller {
  return async (arrivalAt, i, at) => {
    const call = { CallSid: `CA${runId}${i.toString().padStart(30 - runId.length, '0')}`, From: '+19185550199', To: BENCH_NUMBER, CallStatus: 'ringing', Direction: 'inbound' };
    const post = (path: string, params: Record<string, string>) => bench.webhook(path, { ...call, ...params }).then((answer) => ({ ...answer, fallback: false }));
    let last = arrivalAt;
    const menu = await at(arrivalAt, 'incoming', () => post('/twilio/voice/incoming', {}).then((a) => ({ ...a, fallback: !a.gather })));
    last = menu.answeredAt;
    const info = menu.result?.gather && (await at(last + jittered(THINK.greetingMs), 'menu (1: info)', () => post(menu.result!.gather!, { Digits: '1' }).then((a) => ({ ...a, fallback: !a.gather }))));
    if (info) last = info.answeredAt;
    const prompt = info && info.result?.gather && (await at(last + jittered(THINK.infoMs), 'menu (3: voicemail)', () => post(info.result!.gather!, { Digits: '3' }).then((a) => ({ ...a, fallback: !a.record }))));
    if (prompt) last = prompt.answeredAt;
    if (prompt && prompt.result?.record) {
      const recorded = await at(last + jittered(THINK.messageMs), 'recorded', () => post(prompt.result!.record!, { RecordingSid: `RE${call.CallSid.slice(2)}`, RecordingUrl: 'https://api.twilio.com/r/bench', RecordingDuration: '4' }));
      last = recorded.answeredAt;
    }
    await at(last + jittered(THINK.hangUpMs), 'status', () => post('/twilio/voice/status', { CallStatus: 'completed', CallDuration: '12' }));
  };
}

function floorCaller(bench: IvrBenchStack, runId: string, taskQueue: string): Caller {
  const client = bench.deps.temporal.workflow;
  return async (arrivalAt, i, at) => {
    const workflowId = `floor-call-${runId}-${i}`;
    const first = await at(arrivalAt, 'incoming', () =>
      client.signalWithStart(floorCallWorkflow, { workflowId, taskQueue, signal: stepSignal, signalArgs: [{ step: 0 }] }).then(() => ({})),
    );
    const handle = client.getHandle(workflowId);
    let last = first.answeredAt;
    const pauses: [string, number][] = [['menu (1: info)', THINK.greetingMs], ['menu (3: voicemail)', THINK.infoMs], ['recorded', THINK.messageMs]];
    for (const [index, [step, think]] of pauses.entries()) {
      last = (await at(last + jittered(think), step, () => handle.signal(stepSignal, { step: index + 1 }).then(() => ({})))).answeredAt;
    }
    await at(last + jittered(THINK.hangUpMs), 'status', () => handle.signal(doneSignal).then(() => ({})));
  };
}

export async function runOpenLoop(bench: IvrBenchStack): Promise<OpenLoopReport> {
  const taskQueue = 'bench-floor-calls';
  const connection = await NativeConnection.connect({ address: bench.stack.temporalAddress });
  // Same payload codec as the product, so the floor pays the same encryption the IVR does.
  const worker = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('./floor-workflow.ts'), dataConverter: temporalDataConverter(bench.deps.masterKey) });
  const running = worker.run();
  const ivr: OpenLoopResult[] = [];
  const floor: OpenLoopResult[] = [];
  try {
    let ivrOverloaded = false;
    for (const [n, rate] of RATES.entries()) {
      const runId = `${n}${Date.now().toString(36)}`;
      if (!ivrOverloaded) {
        const result = await openLoop(rate, SECONDS, ivrCaller(bench, runId));
        ivr.push(result);
        ivrOverloaded = result.steps.some((s) => s.p99Ms > GIVE_UP_P99_MS);
        console.log(`open loop IVR ${rate}/s: ${JSON.stringify(result)}`);
      }
      const result = await openLoop(rate, SECONDS, floorCaller(bench, runId, taskQueue));
      floor.push(result);
      console.log(`open loop floor ${rate}/s: ${JSON.stringify(result)}`);
    }
  } finally {
    worker.shutdown();
    await running.catch(() => {});
    await connection.close();
  }
  return { seconds: SECONDS, think: THINK, ivr, floor, capacityAtSlo: { ivr: capacityAtSlo(ivr), floor: capacityAtSlo(floor), sloP99Ms: 100 } };
}

/** One row per rate and webhook, IVR and floor side by side. */
export function openLoopTable(report: OpenLoopReport) {
  const rows: Record<string, string | number>[] = [];
  for (const floor of report.floor) {
    const ivr = report.ivr.find((r) => r.rate === floor.rate);
    for (const step of floor.steps) {
      const own = ivr?.steps.find((s) => s.step === step.step);
      rows.push({
        'calls/s': floor.rate, webhook: step.step, n: own?.n ?? 'skipped',
        'p50 ms': own?.p50Ms ?? '', 'p99 ms': own?.p99Ms ?? '', 'floor p50': step.p50Ms, 'floor p99': step.p99Ms,
        fallbacks: ivr?.fallbacks ?? '', errors: ivr?.errors ?? '', 'gen lag p99': ivr?.generatorLagP99Ms ?? '',
      });
    }
  }
  return rows;
}
