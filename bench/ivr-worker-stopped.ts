// The "worker stopped for the whole run" part of `npm run bench -- ivr` (alone: `-- ivr-worker-stopped`):
// callers walk the IVR (incoming, Twilio retrying it, 1 for info, 3 for voicemail, the recording,
// the hang-up) while no worker polls. Their TwiML must be what callers hear with a worker running
// (the same walk afterwards, on the same stack), and nothing may have happened yet; then a worker
// starts and every effect must follow exactly once: each caller's info text, each voicemail (and
// its recording kept), each owner alert, each call log and its seconds in usage.
import { randomBytes } from 'node:crypto';
import { localTwilioSandbox } from '../api/sandbox/twilio.ts';
import { usagePeriod } from '../domain/usage-period.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { randomPhone } from '../tests/sms-fixtures.ts';
import { BENCH_NUMBER, startIvrBenchStack, type IvrBenchStack } from './ivr-stack.ts';

const CALLS = Number(process.env.BENCH_STOPPED_CALLS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_STOPPED_CONCURRENCY ?? 5);
const DRAIN_TIMEOUT_MS = Number(process.env.BENCH_STOPPED_DRAIN_TIMEOUT_MS ?? 180_000);
/** After everything arrived: how long to keep looking for a second copy of anything. */
const SETTLE_MS = 3_000;
const FORWARDING_NUMBER = '+19185550111';
const CALL_SECONDS = 12;

export interface WorkerStoppedReport {
  calls: number;
  /** Calls that walked to the voicemail with every answer as in the walk with a worker running (CallSid aside). */
  twimlIdentical: number;
  /** Effects seen before any worker ran: must all be 0. */
  beforeWorker: { texts: number; voicemails: number; callLogs: number };
  /** Each is [callers with exactly one, callers expected]; `extra` counts second copies. */
  afterWorker: { infoTexts: [number, number]; ownerAlerts: [number, number]; voicemails: [number, number]; recordingsKept: [number, number]; callLogs: [number, number]; usageSeconds: [number, number]; extra: number };
  keptInPostgres: number;
  workerStartMs: number;
  drainMs: number;
}

const TENANT = 'bench-ivr';
/** Twilio's ids: two letters and 32 hex digits (the sandbox serves audio for such a RecordingSid). */
const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
/** A textable number per caller, so each caller's texts can be counted. */
function callerNumbers(n: number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < n) numbers.add(randomPhone());
  return [...numbers];
}

/** One caller's walk; returns each answer with the CallSid taken out, for comparing walks. */
async function walk(bench: IvrBenchStack, from: string): Promise<{ callSid: string; recordingSid: string; answers: string[] }> {
  const call = { CallSid: sid('CA'), From: from, To: BENCH_NUMBER, CallStatus: 'ringing', Direction: 'inbound' };
  const recordingSid = sid('RE');
  const answers: string[] = [];
  const post = async (path: string, extra: Record<string, string> = {}) => {
    const answer = await bench.webhook(path, { ...call, ...extra });
    answers.push(answer.body.replaceAll(call.CallSid, '<CallSid>'));
    return answer;
  };
  const menu = await post('/twilio/voice/incoming');
  await post('/twilio/voice/incoming'); // Twilio retrying: applied once
  const info = menu.gather && (await post(menu.gather, { Digits: '1' }));
  const prompt = info && info.gather && (await post(info.gather, { Digits: '3' }));
  if (prompt && prompt.record) await post(prompt.record, { RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/2010-04-01/Recordings/${recordingSid}`, RecordingDuration: '4' });
  await post('/twilio/voice/status', { CallStatus: 'completed', CallDuration: String(CALL_SECONDS) });
  return { callSid: call.CallSid, recordingSid, answers };
}

async function walkAll(bench: IvrBenchStack, callers: string[]) {
  const walks: Awaited<ReturnType<typeof walk>>[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < CALLS) {
      const i = next++;
      walks[i] = await walk(bench, callers[i]!);
    }
  }));
  return walks;
}

/** How many of each effect there are, per caller (texts) or per call (the rest). */
async function effects(bench: IvrBenchStack, callers: string[], calls: { callSid: string; recordingSid: string }[]) {
  const db = forTenant(bench.deps.db, TENANT);
  const sent = localTwilioSandbox(bench.deps)?.messages() ?? [];
  const count = <T>(items: readonly T[], match: (item: T) => boolean) => items.filter(match).length;
  const callSids = calls.map((c) => c.callSid);
  const [voicemails, callLogs, audio, usage] = await Promise.all([
    db.voicemail.findMany({ where: { callSid: { in: callSids } }, select: { callSid: true, id: true } }),
    db.call.findMany({ where: { callSid: { in: callSids } }, select: { callSid: true } }),
    db.voicemailAudio.findMany({ select: { voicemailId: true } }),
    db.usageCounter.findFirst({ where: { period: usagePeriod(new Date()) } }),
  ]);
  const kept = new Set(audio.map((a) => a.voicemailId));
  return {
    infoTexts: callers.map((to) => count(sent, (m) => m.to === to)),
    ownerAlerts: callers.map((from) => count(sent, (m) => m.to === FORWARDING_NUMBER && m.body.includes(from))),
    voicemails: callSids.map((callSid) => count(voicemails, (v) => v.callSid === callSid)),
    recordingsKept: callSids.map((callSid) => count(voicemails, (v) => v.callSid === callSid && kept.has(v.id))),
    callLogs: callSids.map((callSid) => count(callLogs, (c) => c.callSid === callSid)),
    usageSeconds: usage?.callSeconds ?? 0,
  };
}

const once = (counts: number[]): [number, number] => [counts.filter((n) => n === 1).length, counts.length];
const extra = (counts: number[]) => counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);

export async function runWorkerStoppedBench(): Promise<WorkerStoppedReport> {
  const bench = await startIvrBenchStack({ withWorker: false });
  try {
    const callers = callerNumbers(CALLS);
    const stopped = await walkAll(bench, callers);
    const before = await effects(bench, callers, stopped);
    const keptInPostgres = await bench.deps.db.callEvent.count();

    const startedAt = performance.now();
    await bench.startWorker();
    const workerStartMs = performance.now() - startedAt;
    const all = (e: Awaited<ReturnType<typeof effects>>) =>
      [e.infoTexts, e.ownerAlerts, e.voicemails, e.recordingsKept, e.callLogs].every((counts) => counts.every((n) => n >= 1)) && e.usageSeconds >= CALLS * CALL_SECONDS;
    let after = before;
    while (!all(after) && performance.now() - startedAt < DRAIN_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await effects(bench, callers, stopped);
    }
    const drainMs = performance.now() - startedAt - workerStartMs;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    after = await effects(bench, callers, stopped);

    // The same walk with the worker running: what callers hear must not depend on it.
    const running = await walkAll(bench, callerNumbers(CALLS));
    // A walk that fell back short of the recording counts as different, however alike.
    const complete = (w: { answers: string[] }) => w.answers.length === 6 && w.answers[4]!.includes('we got your message');
    const twimlIdentical = stopped.filter((w, i) => complete(w) && JSON.stringify(w.answers) === JSON.stringify(running[i]!.answers)).length;

    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    return {
      calls: CALLS,
      twimlIdentical,
      beforeWorker: { texts: sum(before.infoTexts) + sum(before.ownerAlerts), voicemails: sum(before.voicemails), callLogs: sum(before.callLogs) },
      afterWorker: {
        infoTexts: once(after.infoTexts),
        ownerAlerts: once(after.ownerAlerts),
        voicemails: once(after.voicemails),
        recordingsKept: once(after.recordingsKept),
        callLogs: once(after.callLogs),
        usageSeconds: [after.usageSeconds, CALLS * CALL_SECONDS],
        extra: extra(after.infoTexts) + extra(after.ownerAlerts) + extra(after.voicemails) + extra(after.callLogs),
      },
      keptInPostgres,
      workerStartMs: Math.round(workerStartMs),
      drainMs: Math.round(drainMs),
    };
  } finally {
    await bench.stop();
  }
}

/** "worker stopped: N calls, TwiML identical N/N, effects after worker start: …". */
export function workerStoppedSummary(r: WorkerStoppedReport): string {
  const a = r.afterWorker;
  const pair = ([n, of]: [number, number]) => `${n}/${of}`;
  return [
    `worker stopped: ${r.calls} calls, TwiML identical ${r.twimlIdentical}/${r.calls}`,
    `  before the worker started: texts ${r.beforeWorker.texts}, voicemails ${r.beforeWorker.voicemails}, call logs ${r.beforeWorker.callLogs} (kept in Postgres instead of Temporal: ${r.keptInPostgres})`,
    `  effects after worker start, exactly once: info texts ${pair(a.infoTexts)}, owner alerts ${pair(a.ownerAlerts)}, voicemails ${pair(a.voicemails)}, recordings kept ${pair(a.recordingsKept)}, call logs ${pair(a.callLogs)}, usage seconds ${a.usageSeconds[0]}/${a.usageSeconds[1]}, second copies ${a.extra}`,
    `  time to drain: worker start ${(r.workerStartMs / 1000).toFixed(1)} s (bundling, connecting), then ${(r.drainMs / 1000).toFixed(1)} s until every effect was in`,
  ].join('\n');
}
