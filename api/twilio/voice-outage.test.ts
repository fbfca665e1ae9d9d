import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { createPrismaClient, type PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { freePort } from '../../scripts/ports.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { randomPhone } from '../../tests/sms-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { twimlText, twimlVerbs, type TwimlNode } from '../../tests/twiml.ts';
import { postTwilio, twilioSid } from '../../tests/twilio-post.ts';
import { createApp } from '../app.ts';

// Issue 15 item 13: a caller never hears Twilio's "application error", and what a caller leaves
// is kept, whatever is down. The API under test is pointed at a dead Postgres (a client on a
// closed port) and/or a dead Temporal; the worker keeps using the real database, as it would
// once Postgres is back.

let t: TestApp;
let deadDb: PrismaClient;
let dbDown: ReturnType<typeof createApp>;
let bothDown: ReturnType<typeof createApp>;
let temporalDown: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
  deadDb = createPrismaClient(`postgresql://servicepro_app:nothing@127.0.0.1:${await freePort()}/servicepro`);
  const deadTemporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
  const quick = { ...t.deps.config, TWILIO_WEBHOOK_DEADLINE_MS: 1_000 };
  dbDown = createApp({ ...t.deps, db: deadDb });
  temporalDown = createApp({ ...t.deps, temporal: deadTemporal, config: quick });
  bothDown = createApp({ ...t.deps, db: deadDb, temporal: deadTemporal, config: quick });
});
afterAll(async () => {
  await deadDb?.$disconnect();
  await t?.close();
});

type App = ReturnType<typeof createApp>;
const post = (app: App, path: string, params: Record<string, string>) => postTwilio(app, t.deps, path, params);
const verbs = (body: string) => twimlVerbs(body);
const names = (body: string) => verbs(body).map(([name]) => name);
const actionOf = (node: TwimlNode) => String(node['@action']);

/** TwiML, a 2xx, never JSON — what Twilio needs to keep the caller on a real call. */
function expectTwiml(answer: { status: number; contentType: string; body: string }) {
  expect(answer.status, answer.body).toBe(200);
  expect(answer.contentType).toContain('text/xml');
  expect(answer.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><Response(\/>|>[\s\S]*<\/Response>)$/);
}

async function phoneTenant(options: { forwardingNumber?: string | null } = {}) {
  const id = uniqueId('outage');
  const phoneNumber = randomPhone();
  await t.deps.db.tenant.create({
    data: {
      id,
      slug: id,
      config: { create: { businessName: `Sparkle ${id}`, tier: 'pro', status: 'active' } },
      phoneConfig: { create: { phoneNumber, ivrMode: 'ivr', forwardingNumber: options.forwardingNumber === undefined ? '+19185550111' : options.forwardingNumber, greetingText: `Welcome to Sparkle ${id}.`, missedCallTextBack: false } },
    },
  });
  return { id, phoneNumber };
}
const newCall = (to: string) => ({ CallSid: twilioSid('CA'), AccountSid: t.twilio.accountSid, From: randomPhone(), To: to, CallStatus: 'ringing', Direction: 'inbound' });

describe('with Postgres down', () => {
  it('a known number’s caller still gets its menu from the cache, and the call log follows once the database is back', async () => {
    const tenant = await phoneTenant();
    expect(names((await post(t.app, '/twilio/voice/incoming', newCall(tenant.phoneNumber))).body)).toEqual(['Gather']); // a call while all was well

    const call = newCall(tenant.phoneNumber);
    const answer = await post(dbDown, '/twilio/voice/incoming', call);
    expectTwiml(answer);
    const [[name, gather]] = verbs(answer.body) as [[string, TwimlNode]];
    expect(name).toBe('Gather');
    expect(twimlText(gather.Say)).toContain(`Welcome to Sparkle ${tenant.id}.`);
    const info = await post(dbDown, actionOf(gather), { ...call, Digits: '1' });
    expectTwiml(info);
    expectTwiml(await post(dbDown, '/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '25' }));
    await expect.poll(() => forTenant(t.deps.db, tenant.id).call.findMany({ where: { callSid: call.CallSid } }), { timeout: 15_000 }).toMatchObject([{ durationSec: 25, digits: '1' }]);
    await expect.poll(() => t.twilio.messages().filter((m) => m.to === call.From).length, { timeout: 15_000 }).toBe(1);
  });

  it('phone settings saved in this process replace the cached menu', async () => {
    const tenant = await phoneTenant();
    await post(t.app, '/twilio/voice/incoming', newCall(tenant.phoneNumber));
    const owner = await t.memberToken(tenant.id, 'owner');
    const saved = await t.call('PATCH', `/api/tenants/${tenant.id}/phone-settings`, { token: owner, body: { greetingText: 'Hi from the new greeting.' } });
    expect(saved.status).toBe(200);
    const [[, gather]] = verbs((await post(dbDown, '/twilio/voice/incoming', newCall(tenant.phoneNumber))).body) as [[string, TwimlNode]];
    expect(twimlText(gather.Say)).toContain('Hi from the new greeting.');
  });

  it('a number never seen by this process: an apology and a voicemail, kept through Temporal until the database is back', async () => {
    const tenant = await phoneTenant({ forwardingNumber: null });
    const call = newCall(tenant.phoneNumber);
    const answer = await post(dbDown, '/twilio/voice/incoming', call);
    expectTwiml(answer);
    expect(names(answer.body)).toEqual(['Say', 'Record']);
    const record = verbs(answer.body)[1]![1];
    expect(actionOf(record)).toBe('/twilio/voice/fallback-recording');

    const recordingSid = twilioSid('RE');
    const recording = { ...call, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/recordings/${recordingSid}`, RecordingDuration: '17' };
    const bye = await post(dbDown, actionOf(record), recording);
    expectTwiml(bye);
    expect(twimlText(verbs(bye.body)[0]![1])).toMatch(/we got your message/);
    expectTwiml(await post(dbDown, actionOf(record), recording)); // Twilio retrying

    const voicemails = () => forTenant(t.deps.db, tenant.id).voicemail.findMany({ where: { recordingSid } });
    await expect.poll(voicemails, { timeout: 15_000 }).toMatchObject([{ callSid: call.CallSid, fromNumber: call.From, durationSec: 17, recordingUrl: recording.RecordingUrl }]);
    const kept = await t.deps.temporal.workflow.getHandle(workflowIds.keptVoicemail(recordingSid)).describe();
    expect(kept.type).toBe('keepVoicemailWorkflow');
    await expect.poll(async () => (await t.deps.temporal.workflow.getHandle(workflowIds.keptVoicemail(recordingSid)).describe()).searchAttributes.TenantId, { timeout: 15_000 }).toEqual([tenant.id]);
    expect(kept.workflowId).not.toContain(call.From.slice(2));
  });

  it('an inbound text is kept through Temporal and stored once the database is back, once however often Twilio sends it', async () => {
    const tenant = await phoneTenant();
    const customer = randomPhone();
    const messageSid = twilioSid('SM');
    const text = { MessageSid: messageSid, SmsSid: messageSid, AccountSid: t.twilio.accountSid, From: customer, To: tenant.phoneNumber, Body: 'Can you do Saturday at 10?', NumMedia: '0' };
    for (let i = 0; i < 2; i++) {
      const answer = await post(dbDown, '/twilio/sms/incoming', text);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(/<Response\/>$/);
    }
    const inbound = () => forTenant(t.deps.db, tenant.id).message.findMany({ where: { direction: 'inbound' } });
    await expect.poll(inbound, { timeout: 15_000 }).toHaveLength(1);
    const [row] = await inbound();
    expect(row).toMatchObject({ body: 'Can you do Saturday at 10?', fromNumber: customer, toNumber: tenant.phoneNumber, providerSid: messageSid, idempotencyKey: `in:${messageSid}` });
    const customerRow = await forTenant(t.deps.db, tenant.id).customer.findFirstOrThrow({ where: { phone: customer } });
    expect(row!.customerId).toBe(customerRow.id);
    expect((await t.deps.temporal.workflow.getHandle(workflowIds.keptInboundText(messageSid)).describe()).type).toBe('keepInboundTextWorkflow');
  });
});

describe('whatever fails, every voice route answers TwiML', () => {
  it('unknown or missing step kinds, a missing CallSid and unknown voice paths get the tenant’s safe answer, never JSON', async () => {
    const tenant = await phoneTenant();
    const call = newCall(tenant.phoneNumber);
    await post(t.app, '/twilio/voice/incoming', call);
    for (const path of [`/twilio/voice/step?call=${call.CallSid}&step=1&kind=teleport`, `/twilio/voice/step?call=${call.CallSid}&step=1`, '/twilio/voice/step?kind=menu', '/twilio/voice/no-such-step']) {
      const answer = await post(t.app, path, path.includes('kind=menu') ? { ...call, CallSid: '', Digits: '1' } : { ...call, Digits: '1' });
      expectTwiml(answer);
      expect(names(answer.body), path).toEqual(['Dial']); // the tenant's forwarding number
      expect(twimlText(verbs(answer.body)[0]![1].Number)).toBe('+19185550111');
    }
    const { CallSid: _, ...noSid } = call;
    expect(names((await post(t.app, '/twilio/voice/incoming', noSid)).body)).toEqual(['Dial']);
    expectTwiml(await post(t.app, '/twilio/voice/status', { ...noSid, CallStatus: 'completed', CallDuration: '3' }));
    expectTwiml(await post(t.app, '/twilio/voice/fallback-recording', noSid));

    // A request not signed by Twilio is refused (403), in TwiML too, and learns nothing of the tenant.
    const forged = await t.app.request('/twilio/voice/incoming', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, body: new URLSearchParams(call).toString() });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toContain('text/xml');
    expect(names(await forged.text())).toEqual(['Hangup']);
  });

  it('a recording whose step cannot reach Temporal is kept and the caller is not asked to leave it again', async () => {
    const tenant = await phoneTenant();
    const call = newCall(tenant.phoneNumber);
    const gather = verbs((await post(t.app, '/twilio/voice/incoming', call)).body)[0]![1];
    const record = verbs((await post(t.app, actionOf(gather), { ...call, Digits: '3' })).body)[1]![1];
    const recordingSid = twilioSid('RE');
    const answer = await post(temporalDown, actionOf(record), { ...call, RecordingSid: recordingSid, RecordingUrl: 'https://api.twilio.com/r/x', RecordingDuration: '11' });
    expectTwiml(answer);
    expect(names(answer.body)).toEqual(['Say', 'Hangup']);
    expect(twimlText(verbs(answer.body)[0]![1])).toMatch(/we got your message/);
    await expect.poll(() => forTenant(t.deps.db, tenant.id).voicemail.count({ where: { recordingSid } }), { timeout: 15_000 }).toBe(1);
  });

  it('a voicemail kept straight in Postgres while Temporal is away still gets its recording kept once Temporal answers, and plays from our copy', async () => {
    const tenant = await phoneTenant();
    const call = newCall(tenant.phoneNumber);
    await post(t.app, '/twilio/voice/incoming', newCall(tenant.phoneNumber)); // the number is known here
    const fetches = t.twilio.recordingFetches();
    const recordingSid = `RE${randomBytes(16).toString('hex')}`; // one the sandbox has audio for
    const recording = { ...call, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/recordings/${recordingSid}`, RecordingDuration: '8' };
    // The fallback voicemail (the call workflow was unreachable) and a step Temporal missed: both kept by the API itself.
    expectTwiml(await post(temporalDown, '/twilio/voice/fallback-recording', recording));
    const voicemail = await forTenant(t.deps.db, tenant.id).voicemail.findFirstOrThrow({ where: { recordingSid } });

    // Nobody plays it: the worker fetches the recording by itself (the business keeps it even if Twilio deletes it).
    const keptAudio = () => t.adminSql('SELECT size_bytes FROM voicemail_audio WHERE voicemail_id = $1', [voicemail.id]).then((r) => r.rows.length);
    await expect.poll(keptAudio, { timeout: 20_000, interval: 250 }).toBe(1);
    expect(t.twilio.recordingFetches() - fetches).toBe(1);
    const played = await t.call('GET', `/api/tenants/${tenant.id}/voicemails/${voicemail.id}/recording`, { token: await t.memberToken(tenant.id, 'owner') });
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toMatch(/^audio\//);
    expect(t.twilio.recordingFetches() - fetches).toBe(1); // from our copy
  });

  it('Postgres and Temporal both down: callers still get TwiML (the menu from the cache, else the apology and voicemail prompt)', async () => {
    const known = await phoneTenant();
    await post(t.app, '/twilio/voice/incoming', newCall(known.phoneNumber));
    const stranger = await phoneTenant();
    const call = newCall(known.phoneNumber);

    // Issue 14: the IVR is rendered by the API from the cached settings, so a known tenant's caller keeps the whole menu.
    const menu = await post(bothDown, '/twilio/voice/incoming', call);
    expectTwiml(menu);
    expect(names(menu.body)).toEqual(['Gather']);
    const menuUrl = actionOf(verbs(menu.body)[0]![1]);
    for (const digit of ['1', '2', '3']) expectTwiml(await post(bothDown, menuUrl, { ...call, Digits: digit }));
    const unknown = await post(bothDown, '/twilio/voice/incoming', newCall(stranger.phoneNumber));
    expectTwiml(unknown);
    expect(names(unknown.body)).toEqual(['Say', 'Record']);
    for (const path of ['/twilio/voice/fallback-recording', `/twilio/voice/step?call=${call.CallSid}&step=1&kind=menu`, '/twilio/voice/status']) {
      expectTwiml(await post(bothDown, path, { ...call, Digits: '2', RecordingSid: twilioSid('RE'), RecordingUrl: 'https://api.twilio.com/r/y', RecordingDuration: '5', CallStatus: 'completed', CallDuration: '9' }));
    }
    // A text that can be kept nowhere is refused, so Twilio flags it (and tries its fallback URL).
    const sms = await post(bothDown, '/twilio/sms/incoming', { MessageSid: twilioSid('SM'), From: randomPhone(), To: known.phoneNumber, Body: 'hello?' });
    expect(sms.status).toBe(503);
  });
});
