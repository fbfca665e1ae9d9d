import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usagePeriod } from '../../domain/usage-period.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createSmsTenant, randomPhone } from '../../tests/sms-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { twimlVerbs } from '../../tests/twiml.ts';
import { postTwilio, twilioSid } from '../../tests/twilio-post.ts';

// Issue 15 item 10 (Twilio part): what Twilio signs is not yet safe to store. Control characters
// (NUL above all: Postgres refuses it in text) and odd durations are dealt with at the edge, once
// the signature over the raw values has been checked, so no activity retries itself to death.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => t?.close());

const post = (path: string, params: Record<string, string>) => postTwilio(t.app, t.deps, path, params);
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

async function forwardingTenant() {
  const id = uniqueId('hygiene');
  const phoneNumber = randomPhone();
  await t.deps.db.tenant.create({
    data: { id, slug: id, config: { create: { businessName: `Hygiene ${id}`, tier: 'pro', status: 'active' } }, phoneConfig: { create: { phoneNumber, ivrMode: 'simple', forwardingNumber: '+19185550111', missedCallTextBack: false } } },
  });
  return { id, phoneNumber };
}

const callLog = (tenantId: string) => forTenant(t.deps.db, tenantId).call.findMany({ orderBy: { startedAt: 'asc' } });

describe('control characters in Twilio fields', () => {
  it('a NUL byte in the caller’s number and name: the TwiML stays clean XML and the call log is still written', async () => {
    const { id, phoneNumber } = await forwardingTenant();
    const caller = randomPhone();
    const call = { CallSid: twilioSid('CA'), From: `${caller}\u0000`, CallerName: 'Eve\u0000\u0007 Smith', To: phoneNumber, CallStatus: 'ringing', Direction: 'inbound' };
    const answer = await post('/twilio/voice/incoming', call);
    expect(answer.body).not.toMatch(CONTROL);
    const [[name, dial]] = twimlVerbs(answer.body) as [[string, Record<string, unknown>]];
    expect(name).toBe('Dial');
    expect(dial['@callerId']).toBe(caller);
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '20' });
    await expect.poll(() => callLog(id), { timeout: 15_000 }).toHaveLength(1);
    expect((await callLog(id))[0]).toMatchObject({ fromNumber: caller, durationSec: 20 });
  });

  it('a NUL byte in a text’s body: the text is kept, without the control characters', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const customer = randomPhone();
    const messageSid = twilioSid('SM');
    const response = await post('/twilio/sms/incoming', { MessageSid: messageSid, SmsSid: messageSid, AccountSid: t.twilio.accountSid, From: customer, To: number, Body: 'Hi\u0000 there,\u0001 tomorrow\nat 9?', NumMedia: '0' });
    expect(response.status).toBe(200);
    const inbound = () => forTenant(t.deps.db, tenantId).message.findMany({ where: { direction: 'inbound' } });
    await expect.poll(inbound, { timeout: 15_000 }).toHaveLength(1);
    expect((await inbound())[0]).toMatchObject({ body: 'Hi there, tomorrow\nat 9?', fromNumber: customer, providerSid: messageSid });
  });
});

describe('call and recording durations', () => {
  it('negative, NaN, fractional or absurd CallDuration: a whole number of seconds, never negative usage, never a lost call log', async () => {
    const { id, phoneNumber } = await forwardingTenant();
    const durations = ['60', '-500', 'NaN', '12.7', '99999999999', '1e400'];
    for (const duration of durations) {
      const call = { CallSid: twilioSid('CA'), From: randomPhone(), To: phoneNumber, CallStatus: 'ringing', Direction: 'inbound' };
      await post('/twilio/voice/incoming', call);
      await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: duration });
    }
    await expect.poll(async () => (await callLog(id)).length, { timeout: 20_000 }).toBe(durations.length);
    const seconds = (await callLog(id)).map((row) => row.durationSec).sort((a, b) => a - b);
    const DAY = 86_400; // Twilio ends every call within a day
    expect(seconds).toEqual([0, 0, 12, 60, DAY, DAY]);
    const usage = await forTenant(t.deps.db, id).usageCounter.findFirstOrThrow({ where: { period: usagePeriod(new Date()) } });
    expect(usage.callSeconds).toBe(60 + 12 + 2 * DAY);
  });

  it('a negative or NaN RecordingDuration keeps the fallback voicemail, with 0 seconds', async () => {
    const { id, phoneNumber } = await forwardingTenant();
    for (const duration of ['-5', 'NaN']) {
      const callSid = twilioSid('CA');
      const answer = await post('/twilio/voice/fallback-recording', { CallSid: callSid, From: randomPhone(), To: phoneNumber, RecordingSid: twilioSid('RE'), RecordingUrl: 'https://api.twilio.com/r/1', RecordingDuration: duration });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toContain('text/xml');
    }
    const voicemails = await forTenant(t.deps.db, id).voicemail.findMany();
    expect(voicemails.map((v) => v.durationSec)).toEqual([0, 0]);
  });
});
