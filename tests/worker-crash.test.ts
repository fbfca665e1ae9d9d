// A worker killed (SIGKILL) in the middle of a call, and another started: the call still
// completes, its log is written once, and nothing is texted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { uniqueId } from './stack.ts';
import { twimlVerbs } from './twiml.ts';
import { workerProcesses } from './worker-process.ts';

let t: TestApp;
const taskQueue = uniqueId('crash-tq');
const workers = workerProcesses(taskQueue, () => t.providerEnv);
const startWorker = workers.start;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => {
  workers.killAll();
  await t?.close();
});

describe('a worker killed mid-call', () => {
  it('another worker finishes the call: one call log, one voicemail, one text to the owner', async () => {
    const id = uniqueId('crash');
    const phoneNumber = `+1918557${String(1000 + Math.floor(Math.random() * 8999))}`;
    await t.deps.db.tenant.create({
      data: {
        id, slug: id,
        config: { create: { businessName: 'Crash Test Detailing', tier: 'pro', status: 'active' } },
        phoneConfig: { create: { phoneNumber, ivrMode: 'ivr', forwardingNumber: '+19185550122', missedCallTextBack: false } },
      },
    });
    // The API as deployed, sending calls to the worker processes' task queue.
    const api = createApp({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: taskQueue, TWILIO_WEBHOOK_DEADLINE_MS: 20_000 } });
    const { authToken } = twilioCredentials(t.deps.config, t.deps.masterKey);
    const post = async (path: string, params: Record<string, string>) => {
      const r = await api.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, `${t.deps.config.PUBLIC_BASE_URL}${path}`, params) },
        body: new URLSearchParams(params).toString(),
      });
      return twimlVerbs(await r.text());
    };
    const actionOf = (verbs: ReturnType<typeof twimlVerbs>, name: string) => String(verbs.find(([verb]) => verb === name)![1]['@action']);
    const call = { CallSid: `CA${'c'.repeat(8)}${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 34), From: '+19185550188', To: phoneNumber, CallStatus: 'ringing', Direction: 'inbound' };

    const first = await startWorker();
    const menu = await post('/twilio/voice/incoming', call);
    const dial = await post(actionOf(menu, 'Gather'), { ...call, Digits: '2' });
    const record = await post(actionOf(dial, 'Dial'), { ...call, DialCallStatus: 'no-answer' });
    const bye = await post(actionOf(record, 'Record'), { ...call, RecordingSid: `RE${call.CallSid.slice(2)}`, RecordingUrl: 'https://api.twilio.com/r/crash', RecordingDuration: '21' });
    expect(bye.map(([verb]) => verb)).toEqual(['Say', 'Hangup']);
    // Storing the voicemail and texting the owner are under way now: kill the worker without warning.
    first.kill('SIGKILL');

    await startWorker();
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '48' });

    const tenantDb = forTenant(t.deps.db, id);
    await expect.poll(() => tenantDb.call.count({ where: { callSid: call.CallSid } }), { timeout: 45_000 }).toBe(1);
    expect(await tenantDb.call.findFirst({ where: { callSid: call.CallSid } })).toMatchObject({ outcome: 'voicemail', digits: '2', durationSec: 48 });
    expect(await tenantDb.voicemail.count({ where: { callSid: call.CallSid } })).toBe(1);
    expect(t.twilio.messages().filter((m) => m.to === '+19185550122' && m.body.includes(call.From))).toHaveLength(1);
  }, 150_000);
});
