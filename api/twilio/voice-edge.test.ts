import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usagePeriod } from '../../domain/usage-period.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { createPrismaClient, type PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { freePort } from '../../scripts/ports.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { randomPhone } from '../../tests/sms-fixtures.ts';
import { testStack, uniqueId } from '../../tests/stack.ts';
import { twimlText, twimlVerbs } from '../../tests/twiml.ts';
import { callStepUpdate } from '../../workflows/call.messages.ts';
import { twilioSid } from '../../tests/twilio-post.ts';
import { actionOf, newVoiceCall, voicePost, voiceTenant } from '../../tests/voice-fixtures.ts';
import { startWorker } from '../../workers/worker.ts';
import { ensureCallEventDrain } from '../../workers/client/call-event-drain.ts';
import { createApp } from '../app.ts';

// Issue 14 items 1 and 2: the API answers every voice webhook itself (the IVR reducer over the
// cached settings and the state in the signed action URL), and what the caller did is durable
// before the answer goes back — in Temporal, or in Postgres until Temporal is back.

let t: TestApp;
let deadDb: PrismaClient;
let temporalDown: ReturnType<typeof createApp>;
let dbDown: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
  deadDb = createPrismaClient(`postgresql://servicepro_app:nothing@127.0.0.1:${await freePort()}/servicepro`);
  const deadTemporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
  temporalDown = createApp({ ...t.deps, temporal: deadTemporal });
  dbDown = createApp({ ...t.deps, db: deadDb });
});
afterAll(async () => {
  await deadDb?.$disconnect();
  await t?.close();
});

const textsTo = (number: string) => t.twilio.messages().filter((m) => m.to === number);
const callLog = (tenantId: string, callSid: string) => forTenant(t.deps.db, tenantId).call.findMany({ where: { callSid } });
const voicemails = (tenantId: string, callSid: string) => forTenant(t.deps.db, tenantId).voicemail.findMany({ where: { callSid } });
const callSeconds = async (tenantId: string) => (await forTenant(t.deps.db, tenantId).usageCounter.findFirst({ where: { period: usagePeriod(new Date()) } }))?.callSeconds ?? 0;

/** Walks incoming → 1 (info) → 3 (voicemail) → the recording, each request to `app(step)`; returns the answers. */
async function walkToVoicemail(call: Record<string, string>, app: (step: number) => ReturnType<typeof createApp> = () => t.app) {
  const menu = await voicePost(t, '/twilio/voice/incoming', call, app(0));
  expect(menu.names, menu.body).toEqual(['Gather']);
  const info = await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' }, app(1));
  expect(info.names, info.body).toEqual(['Gather']);
  expect(twimlText(info.verbs[0]![1].Say)).toMatch(/texting you our prices/);
  const prompt = await voicePost(t, actionOf(info.verbs[0]![1]), { ...call, Digits: '3' }, app(2));
  expect(prompt.names, prompt.body).toEqual(['Say', 'Record']);
  const recordingSid = twilioSid('RE');
  const bye = await voicePost(t, actionOf(prompt.verbs[1]![1]), { ...call, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/r/${recordingSid}`, RecordingDuration: '8' }, app(3));
  expect(bye.names).toEqual(['Say', 'Hangup']);
  expect(twimlText(bye.verbs[0]![1])).toMatch(/we got your message/);
  return { menu, info, prompt, recordingSid };
}

describe('callers never wait on a worker', () => {
  it('with no worker polling, a caller walks the whole IVR (retries included); once a worker polls: the info text once, the voicemail stored once, the owner alerted once, the call logged once', async () => {
    const idle = uniqueId('nobody-polls');
    const app = createApp({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: idle } });
    const owner = randomPhone();
    const tenant = await voiceTenant(t, { ownerNotifyPhone: owner });
    const call = newVoiceCall(t, tenant.phoneNumber);
    const started = performance.now();
    const { menu, info } = await walkToVoicemail(call, () => app);
    // Twilio retrying `incoming` and the press of 1: the same answers, applied once.
    expect((await voicePost(t, '/twilio/voice/incoming', call, app)).body).toBe(menu.body);
    expect((await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, Digits: '1' }, app)).body).toBe(info.body);
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '47' }, app);
    expect(performance.now() - started, 'no answer waited for a deadline').toBeLessThan(5_000);
    expect(textsTo(call.From)).toHaveLength(0);

    const worker = await startWorker({ address: testStack().temporalAddress, namespace: t.deps.config.TEMPORAL_NAMESPACE, taskQueue: idle, masterKey: t.deps.masterKey, activityDeps: t.deps });
    try {
      await expect.poll(() => callLog(tenant.id, call.CallSid), { timeout: 20_000 }).toMatchObject([{ outcome: 'voicemail', digits: '1,3', durationSec: 47 }]);
      expect(textsTo(call.From).map((m) => m.body)).toEqual([expect.stringMatching(/Thanks for calling Gleam/)]);
      expect(await voicemails(tenant.id, call.CallSid)).toHaveLength(1);
      expect(textsTo(owner).filter((m) => m.body.startsWith('New voicemail'))).toHaveLength(1);
      expect(await callSeconds(tenant.id)).toBe(47);
    } finally {
      await worker.shutdown();
    }
  });

  it('every mode and every key gets TwiML rendered here, parsed as XML, with no worker polling', async () => {
    const app = createApp({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: uniqueId('nobody-polls') } });
    const tenant = await voiceTenant(t);
    const expected: Record<string, string[]> = { '1': ['Gather'], '2': ['Dial'], '3': ['Say', 'Record'], '7': ['Gather'], '9': ['Gather'], '': ['Gather'] };
    for (const [digit, names] of Object.entries(expected)) {
      const call = newVoiceCall(t, tenant.phoneNumber);
      const menu = await voicePost(t, '/twilio/voice/incoming', call, app);
      const answer = await voicePost(t, actionOf(menu.verbs[0]![1]), { ...call, ...(digit ? { Digits: digit } : {}) }, app);
      expect(answer.contentType).toContain('text/xml');
      expect(answer.names, `key "${digit}"`).toEqual(names);
    }
    for (const [mode, names] of [['simple', ['Dial']], ['ai_voice', ['Gather']]] as const) {
      await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: tenant.id }, data: { ivrMode: mode } });
      await t.deps.db.tenantConfig.update({ where: { tenantId: tenant.id }, data: { tier: 'elite' } });
      const fresh = createApp({ ...t.deps, config: { ...t.deps.config, CALL_CONTEXT_TTL_MS: 0, TEMPORAL_TASK_QUEUE: uniqueId('nobody-polls') } });
      expect((await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, tenant.phoneNumber), fresh)).names, mode).toEqual(names);
    }
    for (const [status, said] of [['suspended', /paused/], ['closed', /not in service/]] as const) {
      await t.deps.db.tenantConfig.update({ where: { tenantId: tenant.id }, data: { status } });
      const fresh = createApp({ ...t.deps, config: { ...t.deps.config, CALL_CONTEXT_TTL_MS: 0, TEMPORAL_TASK_QUEUE: uniqueId('nobody-polls') } });
      const answer = await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, tenant.phoneNumber), fresh);
      expect(answer.names).toEqual(['Say', 'Hangup']);
      expect(twimlText(answer.verbs[0]![1])).toMatch(said);
    }
  });

  it('the call workflow still renders TwiML in its sandbox for a call from before the edge design (the update path), call after call', async () => {
    // The TwiML builder is loaded once per worker thread and shared by every workflow (workers/workflow-bundle-options.ts).
    const tenant = await voiceTenant(t);
    for (let i = 0; i < 2; i++) {
      const call = newVoiceCall(t, tenant.phoneNumber);
      expect((await voicePost(t, '/twilio/voice/incoming', call)).names).toEqual(['Gather']);
      const handle = t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid));
      const twiml = await handle.executeUpdate(callStepUpdate, { args: [{ kind: 'menu', digits: '1' }], updateId: `${call.CallSid}:legacy:${i}` });
      expect(twimlVerbs(twiml).map(([name]) => name)).toEqual(['Gather']);
      expect(twimlText(twimlVerbs(twiml)[0]![1].Say)).toMatch(/texting you our prices/);
    }
  });

  it('a tampered call state or an unknown state version gets the tenant’s safe answer, never a guess', async () => {
    const tenant = await voiceTenant(t, { forwardingNumber: '+19185550111' });
    const call = newVoiceCall(t, tenant.phoneNumber);
    const menuUrl = actionOf((await voicePost(t, '/twilio/voice/incoming', call)).verbs[0]![1]);
    for (const url of [menuUrl.replace(/&s=[^&]+/, '&s=99.q.0.0.'), menuUrl.replace('v=1', 'v=2'), menuUrl.replace(/&s=[^&]+/, '')]) {
      const answer = await voicePost(t, url, { ...call, Digits: '1' });
      expect(answer.status).toBe(200);
      expect(answer.names, url).toEqual(['Dial']);
      expect(twimlText(answer.verbs[0]![1].Number)).toBe('+19185550111');
    }
  });
});

describe('nothing a caller does is lost', () => {
  it('Temporal unreachable mid-call: the whole IVR still answers, the steps wait in Postgres, and once delivered: the text, the voicemail and the call log, once each', async () => {
    const owner = randomPhone();
    const tenant = await voiceTenant(t, { ownerNotifyPhone: owner });
    const call = newVoiceCall(t, tenant.phoneNumber);
    await walkToVoicemail(call, (step) => (step === 0 ? t.app : temporalDown));
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '33' }, temporalDown);
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '33' }, temporalDown); // Twilio retrying

    const kept = await t.adminSql('SELECT event_key, payload FROM call_events WHERE call_sid = $1 ORDER BY id', [call.CallSid]);
    expect(kept.rows.map((row) => row.event_key)).toEqual(['1:menu', '2:menu', '3:recorded', 'ended']);
    expect(kept.rows.every((row) => !String(row.payload).includes(call.From.slice(2))), 'the caller’s number is sealed').toBe(true);

    await expect.poll(() => callLog(tenant.id, call.CallSid), { timeout: 20_000 }).toMatchObject([{ outcome: 'voicemail', digits: '1,3', durationSec: 33 }]);
    expect(textsTo(call.From)).toHaveLength(1);
    expect(await voicemails(tenant.id, call.CallSid)).toHaveLength(1);
    expect(textsTo(owner)).toHaveLength(1);
    await expect.poll(async () => (await t.adminSql('SELECT count(*)::int AS n FROM call_events WHERE call_sid = $1 AND delivered_at IS NULL', [call.CallSid])).rows[0].n).toBe(0);
  });

  it('a call answered entirely while Temporal was unreachable still appears in the call log and in usage', async () => {
    const tenant = await voiceTenant(t);
    await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, tenant.phoneNumber)); // this process knows the tenant
    const call = newVoiceCall(t, tenant.phoneNumber);
    expect((await voicePost(t, '/twilio/voice/incoming', call, temporalDown)).names).toEqual(['Gather']);
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '21' }, temporalDown);
    await expect.poll(() => callLog(tenant.id, call.CallSid), { timeout: 20_000 }).toMatchObject([{ outcome: 'abandoned', durationSec: 21 }]);
    expect(await callSeconds(tenant.id)).toBe(21);
  });

  it('a status callback for a call whose workflow never started (its start was lost) still logs the call', async () => {
    const tenant = await voiceTenant(t);
    await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, tenant.phoneNumber));
    const call = newVoiceCall(t, tenant.phoneNumber);
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'no-answer', CallDuration: '0' });
    await expect.poll(() => callLog(tenant.id, call.CallSid), { timeout: 20_000 }).toMatchObject([{ outcome: 'missed' }]);
  });

  it('Postgres unreachable mid-call: the menu from the cached settings, every step signalled, the voicemail stored once the database answers', async () => {
    const tenant = await voiceTenant(t);
    const call = newVoiceCall(t, tenant.phoneNumber);
    await walkToVoicemail(call, (step) => (step === 0 ? t.app : dbDown));
    await voicePost(t, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '19' }, dbDown);
    await expect.poll(() => callLog(tenant.id, call.CallSid), { timeout: 20_000 }).toMatchObject([{ outcome: 'voicemail', digits: '1,3' }]);
    expect(await voicemails(tenant.id, call.CallSid)).toHaveLength(1);
    expect(textsTo(call.From)).toHaveLength(1);
    const described = await t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid)).describe();
    expect(described.type).toBe('callWorkflow');
  });
});

describe('the cached phone settings', () => {
  const greetingOf = async (app: ReturnType<typeof createApp>, phoneNumber: string) => twimlText((await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, phoneNumber), app)).verbs[0]?.[1].Say);

  it('a change made elsewhere (another API process, the worker) is heard once CALL_CONTEXT_TTL_MS has passed, not before', async () => {
    const app = createApp({ ...t.deps, config: { ...t.deps.config, CALL_CONTEXT_TTL_MS: 1_500 } });
    const tenant = await voiceTenant(t);
    expect(await greetingOf(app, tenant.phoneNumber)).toMatch(/Thanks for calling Gleam/);
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: tenant.id }, data: { greetingText: 'Hello from the new greeting.' } });
    expect(await greetingOf(app, tenant.phoneNumber), 'answered from the cache, no database read').toMatch(/Thanks for calling Gleam/);
    await expect.poll(() => greetingOf(app, tenant.phoneNumber), { timeout: 10_000, interval: 250 }).toMatch(/Hello from the new greeting/);
  });

  it('a plan change through the admin API applies to this process’s next call at once', async () => {
    const tenant = await voiceTenant(t);
    expect((await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, tenant.phoneNumber))).names).toEqual(['Gather']);
    const changed = await t.call('PATCH', `/api/admin/tenants/${tenant.id}`, { token: await t.ownerToken(), body: { tier: 'starter' } });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect((await voicePost(t, '/twilio/voice/incoming', newVoiceCall(t, tenant.phoneNumber))).names).toEqual(['Dial']);
  });
});

describe('the drain workflow', () => {
  it('is one per task queue, started again harmlessly by every worker start', async () => {
    await ensureCallEventDrain(t.deps.temporal, t.taskQueue);
    const handle = t.deps.temporal.workflow.getHandle(`call-event-drain:${t.taskQueue}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
