// `npm run bench -- ivr-stages`: where one caller's webhook spends its time. Each stage of a voice
// webhook is timed on its own, round robin (one of each per round, so the machine's noise falls on
// all alike), against the same stack bench/ivr runs on; then the whole webhook, in process and over
// HTTP. The Temporal stages are split so the floor comparison is honest: the same codec'd client,
// the product's payload and search attribute or the floor's, a task queue a worker polls or not.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import twilio from 'twilio';
import { callStepKey } from '../domain/call-steps.ts';
import { initialCallState, respond, type CallEvent } from '../domain/ivr.ts';
import { keyedDigest } from '../domain/secrets.ts';
import { cleanTwilioParams } from '../domain/twilio-fields.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { createApp } from '../api/app.ts';
import { lookUpCallContext } from '../api/twilio/call-context.ts';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { withinTemporalDeadline } from '../api/temporal-deadline.ts';
import { deliverCallEvent } from '../workflows/call-events.messages.ts';
import { callStepSignal, type CallInput } from '../workflows/call.messages.ts';
import { floorCallWorkflow, stepSignal } from './floor-workflow.ts';
import { BENCH_NUMBER, BENCH_TASK_QUEUE, startIvrBenchStack } from './ivr-stack.ts';
import { freePort } from '../scripts/ports.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 1000) / 1000;

export interface StageRow {
  stage: string;
  n: number;
  p50Ms: number;
  p90Ms: number;
  meanMs: number;
}

export async function runIvrStages(): Promise<StageRow[]> {
  const bench = await startIvrBenchStack();
  const { deps } = bench;
  const { config, masterKey, temporal } = deps;
  const base = config.PUBLIC_BASE_URL;
  const { authToken } = twilioCredentials(config, masterKey);
  const app = createApp(deps);
  // The honest floors: the HTTP hop every webhook pays, then the bare Temporal call.
  const bare = new Hono()
    .post('/static', (c) => c.body('<Response/>', 200, { 'content-type': 'text/xml' }))
    .post('/sws', async (c) => {
      await temporal.workflow.signalWithStart(floorCallWorkflow, { workflowId: `stages-http-floor-${sid('G')}`, taskQueue: noWorkerQueue, signal: stepSignal, signalArgs: [{ step: 0 }] });
      return c.body('<Response/>', 200, { 'content-type': 'text/xml' });
    })
    .post('/signal', async (c) => {
      await temporal.workflow.getHandle(`call:${firstCall}`).signal(callStepSignal, { ...stepOf(), key: `y:${seq++}` });
      return c.body('<Response/>', 200, { 'content-type': 'text/xml' });
    });
  const barePort = await freePort();
  const bareServer = serve({ fetch: bare.fetch, port: barePort, hostname: '127.0.0.1' });
  const run = Date.now().toString(36);
  const noWorkerQueue = `bench-stages-idle-${run}`;
  let seq = 0;
  const sid = (tag: string) => `CA${tag}${run}${(seq++).toString().padStart(30 - tag.length - run.length, '0')}`;
  const params = (callSid: string) => ({ CallSid: callSid, From: '+19185550199', To: BENCH_NUMBER, CallStatus: 'ringing', Direction: 'inbound', AccountSid: 'AC0', ApiVersion: '2010-04-01' });
  const incomingUrl = `${base}/twilio/voice/incoming`;
  const signedBody = (callSid: string) => {
    const p = params(callSid);
    return { body: new URLSearchParams(p).toString(), signature: signTwilioRequest(authToken, incomingUrl, p), p };
  };
  const post = (target: string, callSid: string, viaApp: boolean) => {
    const { body, signature } = signedBody(callSid);
    const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body };
    return Promise.resolve(viaApp ? app.request(target, init) : fetch(target, init));
  };
  // A warm cache, as for every caller after a number's first.
  const lookup = await lookUpCallContext(deps.db, BENCH_NUMBER, base, 5_000, config.CALL_CONTEXT_TTL_MS);
  if (lookup.kind !== 'found') throw new Error('the bench tenant is not found');
  const ctx = lookup.ctx;
  const inputOf = (callSid: string): CallInput => ({ callSid, from: '+19185550199', to: ctx.tenantNumber, startedAt: new Date().toISOString(), context: ctx, callerKey: 'k'.repeat(24), missedCallTextEveryHours: 24 });
  const stepOf = () => {
    const before = initialCallState();
    const event: CallEvent = { kind: 'incoming' };
    return { key: callStepKey(before, event), event, before, at: new Date().toISOString() };
  };
  const { payloadConverter, payloadCodecs } = (temporal.options as unknown as { loadedDataConverter: { payloadConverter: { toPayload: (v: unknown) => unknown }; payloadCodecs: { encode: (p: unknown[]) => Promise<unknown> }[] } }).loadedDataConverter;

  const stages: [string, () => unknown][] = [
    ['cpu: parse form body (Request.formData)', () => new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signedBody('CAx').body }).formData()],
    ['cpu: parse form body (URLSearchParams over its text, as api/twilio/signature.ts)', () => new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signedBody('CAx').body }).text().then((text) => Object.fromEntries(new URLSearchParams(text)))],
    ['cpu: Twilio signature check (validateRequest)', () => {
      const { p, signature } = signedBody('CAy');
      if (!twilio.validateRequest(authToken, signature, incomingUrl, p)) throw new Error('bad signature');
    }],
    ['cpu: sandbox auth token (twilioCredentials: 2 HMACs)', () => twilioCredentials(config, masterKey)],
    ['cpu: clean fields', () => cleanTwilioParams(params('CAz'))],
    ['cpu: call context, cache hit', () => lookUpCallContext(deps.db, BENCH_NUMBER, base, 5_000, config.CALL_CONTEXT_TTL_MS)],
    ['cpu: IVR reducer + TwiML', () => respond(ctx, initialCallState(), { kind: 'incoming' }, 'CA1', '+19185550199', new Date()).twiml],
    ['cpu: caller key (keyedDigest)', () => keyedDigest(masterKey, 'caller-key', `${ctx.tenantId}:+19185550199`)],
    ['cpu: codec: convert + encrypt the start payload', () => Promise.all(payloadCodecs.map((codec) => codec.encode([payloadConverter.toPayload(inputOf('CA2')), payloadConverter.toPayload(stepOf())])))],
    ['cpu: deadline wrapper around nothing', () => withinTemporalDeadline(deps, 1_000, async () => undefined)],
    ['db: call context, cache miss (read)', () => lookUpCallContext(deps.db, BENCH_NUMBER, base, 5_000, 0)],
    ['http: bare Hono route over HTTP (fetch)', () => fetch(`http://127.0.0.1:${barePort}/static`, { method: 'POST', body: 'Digits=1' }).then((r) => r.text())],
    ['http: app middleware only (in process, 404)', async () => (await app.request('/twilio/nope', { method: 'POST' })).text()],
    ['temporal: floor signalWithStart (tiny payload, no search attribute)', () =>
      temporal.workflow.signalWithStart(floorCallWorkflow, { workflowId: `stages-floor-${sid('F')}`, taskQueue: noWorkerQueue, signal: stepSignal, signalArgs: [{ step: 0 }] })],
    ['temporal: product signalWithStart, idle queue (no worker runs it)', () => deliverCallEvent(temporal, noWorkerQueue, { input: inputOf(sid('I')), body: { kind: 'step', step: stepOf() } })],
    ['temporal: product signalWithStart, worker queue (the call runs)', () => deliverCallEvent(temporal, BENCH_TASK_QUEUE, { input: inputOf(sid('W')), body: { kind: 'step', step: stepOf() } })],
    ['temporal: product signalWithStart inside the deadline wrapper', () => withinTemporalDeadline(deps, config.VOICE_EVENT_DEADLINE_MS, () => deliverCallEvent(temporal, noWorkerQueue, { input: inputOf(sid('D')), body: { kind: 'step', step: stepOf() } }))],
    ['temporal: signal to a running call', async () => temporal.workflow.getHandle(`call:${firstCall}`).signal(callStepSignal, { ...stepOf(), key: `x:${seq++}` })],
    ['whole: incoming in process (app.request)', () => post('/twilio/voice/incoming', sid('A'), true).then((r) => r.text())],
    ['floor: HTTP + signalWithStart (tiny payload, no search attribute)', () => fetch(`http://127.0.0.1:${barePort}/sws`, { method: 'POST', body: 'Digits=1' }).then((r) => r.text())],
    ['whole: incoming over HTTP', async () => {
      const callSid = sid('H');
      lastCall = { callSid, gather: (await bench.webhook('/twilio/voice/incoming', params(callSid))).gather! };
    }],
    ['floor: HTTP + signal', () => fetch(`http://127.0.0.1:${barePort}/signal`, { method: 'POST', body: 'Digits=1' }).then((r) => r.text())],
    ['whole: a menu step over HTTP (signal)', () => bench.webhook(lastCall.gather, { ...params(lastCall.callSid), Digits: '9' })],
  ];
  const firstCall = sid('R');
  let lastCall = { callSid: '', gather: '' };
  await deliverCallEvent(temporal, noWorkerQueue, { input: inputOf(firstCall), body: { kind: 'step', step: stepOf() } });

  const times = new Map<string, number[]>(stages.map(([name]) => [name, []]));
  try {
    for (let r = -10; r < ROUNDS; r++) {
      for (const [name, stage] of stages) {
        const t0 = performance.now();
        await stage();
        if (r >= 0) times.get(name)!.push(performance.now() - t0);
      }
    }
  } finally {
    bareServer.close();
    await bench.stop();
  }
  return stages.map(([stage]) => {
    const values = times.get(stage)!.sort((a, b) => a - b);
    return { stage, n: values.length, p50Ms: round(percentile(values, 50)), p90Ms: round(percentile(values, 90)), meanMs: round(values.reduce((a, b) => a + b, 0) / values.length) };
  });
}
