import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../domain/weekly-hours.ts';
import type { IvrMode, TenantStatus, TenantTier } from '../../domain/tenancy.ts';
import { fillPackText } from '../../domain/industry-packs/index.ts';
import { houseCleaning } from '../../domain/industry-packs/house-cleaning.ts';
import { twilioCredentials } from '../../domain/twilio-credentials.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../../tests/replay.ts';
import { uniqueId } from '../../tests/stack.ts';
import { twimlText, twimlVerbs, type TwimlNode } from '../../tests/twiml.ts';
import { callStateQuery } from '../../workflows/call.messages.ts';
import { createApp } from '../app.ts';
import { signTwilioRequest } from './signature.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio', 'smtp'] });
});
afterAll(async () => t?.close());
const textsTo = (number: string) => t.twilio.messages().filter((m) => m.to === number);

type Node = TwimlNode;
const verbs = twimlVerbs;
const text = twimlText;

async function post(path: string, params: Record<string, string>, options: { app?: ReturnType<typeof createApp>; signature?: string } = {}) {
  const { authToken } = twilioCredentials(t.deps.config, t.deps.masterKey);
  const signature = options.signature ?? signTwilioRequest(authToken, `${t.deps.config.PUBLIC_BASE_URL}${path}`, params);
  const started = performance.now();
  const response = await (options.app ?? t.app).request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text(), ms: performance.now() - started };
}

// Business numbers in an exchange of this file's own (918-554): tests share one database, and others draw from 918-555.
let numberSeq = Math.floor(Math.random() * 9000);
async function phoneTenant(options: { tier?: TenantTier; ivrMode?: IvrMode; status?: TenantStatus; forwardingNumber?: string | null; businessHours?: WeeklyHours; sip?: boolean; jokes?: boolean; textBack?: boolean; ownerEmail?: string; timeZone?: string; industry?: string } = {}) {
  const id = uniqueId('voice');
  const phoneNumber = `+1918554${String(numberSeq++ % 10_000).padStart(4, '0')}`;
  await t.deps.db.tenant.create({
    data: {
      id,
      slug: id,
      config: { create: { businessName: `Shiny ${id}`, tier: options.tier ?? 'pro', status: options.status ?? 'active', industry: options.industry } },
      phoneConfig: {
        create: {
          phoneNumber,
          ivrMode: options.ivrMode === 'ai-voice' ? 'ai_voice' : (options.ivrMode ?? 'ivr'),
          forwardingNumber: options.forwardingNumber === undefined ? '+19185550111' : options.forwardingNumber,
          businessHours: options.businessHours,
          timeZone: options.timeZone ?? 'America/Chicago',
          jokesEnabled: options.jokes ?? false,
          sipDomain: options.sip ? 'shiny.sip.twilio.com' : null,
          sipUsername: options.sip ? 'owner' : null,
          missedCallTextBack: options.textBack ?? false,
          ownerNotifyEmail: options.ownerEmail,
        },
      },
    },
  });
  return { id, phoneNumber };
}

let callerSeq = 2000 + Math.floor(Math.random() * 7000);
/** A new call from a caller of its own, so texts to the caller can be counted per test. */
const newCall = (to: string) => ({ CallSid: `CA${uniqueId('').replace(/-/g, '')}`.slice(0, 34), From: `+1918556${String(callerSeq++).padStart(4, '0')}`, To: to, CallStatus: 'ringing', Direction: 'inbound' });
const actionOf = (node: Node) => String(node['@action']);

describe('POST /twilio/voice/incoming', () => {
  it('403 for a missing or wrong signature, and no call workflow is started', async () => {
    const { phoneNumber } = await phoneTenant();
    const call = newCall(phoneNumber);
    expect((await post('/twilio/voice/incoming', call, { signature: 'forged' })).status).toBe(403);
    const unsigned = await t.app.request('/twilio/voice/incoming', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(call).toString() });
    expect(unsigned.status).toBe(403);
    await expect(t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid)).describe()).rejects.toThrow(/not found/i);
  });

  it('an unknown number hears that it is not in service', async () => {
    const { body } = await post('/twilio/voice/incoming', newCall('+19185559999'));
    expect(verbs(body).map(([name]) => name)).toEqual(['Say', 'Hangup']);
    expect(text(verbs(body)[0]![1])).toMatch(/not in service/);
  });

  it('ivr mode greets with a one-digit menu; the joke is offered only when the tenant enables it', async () => {
    const { phoneNumber } = await phoneTenant({ jokes: true });
    const { body } = await post('/twilio/voice/incoming', newCall(phoneNumber));
    const [[name, gather]] = verbs(body) as [[string, Node]];
    expect(name).toBe('Gather');
    expect(gather).toMatchObject({ '@numDigits': '1', '@input': 'dtmf' });
    // Issue 14: the action URL carries the call's state (v=1, s=<step.phase.flags.misses.digits>) instead of step=N.
    expect(actionOf(gather)).toMatch(/^\/twilio\/voice\/step\?v=1&call=CA.+&t=voice-.+&kind=menu&s=1\.m\.0\.0\.$/);
    expect(text(gather.Say)).toMatch(/Press 1.*Press 2.*Press 3.*Press 7/);
    const plain = await phoneTenant({ jokes: false });
    expect(text((verbs((await post('/twilio/voice/incoming', newCall(plain.phoneNumber))).body)[0]![1]).Say)).not.toMatch(/Press 7/);
  });

  it('simple mode forwards straight away with the caller’s number as caller ID', async () => {
    const { phoneNumber } = await phoneTenant({ ivrMode: 'simple' });
    const call = newCall(phoneNumber);
    const [[name, dial]] = verbs((await post('/twilio/voice/incoming', call)).body) as [[string, Node]];
    expect(name).toBe('Dial');
    expect(dial['@callerId']).toBe(call.From);
    expect(text(dial.Number)).toBe('+19185550111');
    expect((dial.Number as Node)['@url']).toBeUndefined();
  });

  it('an elite tenant with a SIP app rings the softphone', async () => {
    const { phoneNumber } = await phoneTenant({ tier: 'elite', ivrMode: 'simple', sip: true });
    const [[, dial]] = verbs((await post('/twilio/voice/incoming', newCall(phoneNumber))).body) as [[string, Node]];
    expect(text(dial.Sip)).toBe('sip:owner@shiny.sip.twilio.com');
  });

  it('a starter tenant set to ivr gets plain forwarding (its plan has no IVR)', async () => {
    const { phoneNumber } = await phoneTenant({ tier: 'starter', ivrMode: 'ivr' });
    expect(verbs((await post('/twilio/voice/incoming', newCall(phoneNumber))).body)[0]![0]).toBe('Dial');
  });

  it('ai-voice behaves as the IVR until the AI receptionist exists', async () => {
    const { phoneNumber } = await phoneTenant({ tier: 'elite', ivrMode: 'ai-voice' });
    expect(verbs((await post('/twilio/voice/incoming', newCall(phoneNumber))).body)[0]![0]).toBe('Gather');
  });

  it('after hours: the after-hours message and a voicemail recording', async () => {
    const closedNow: WeeklyHours = { mon: [['03:00', '03:01']], tue: [['03:00', '03:01']], wed: [['03:00', '03:01']], thu: [['03:00', '03:01']], fri: [['03:00', '03:01']], sat: [['03:00', '03:01']], sun: [['03:00', '03:01']] };
    const { phoneNumber } = await phoneTenant({ businessHours: closedNow });
    const list = verbs((await post('/twilio/voice/incoming', newCall(phoneNumber))).body);
    expect(list.map(([name]) => name)).toEqual(['Say', 'Record']);
    expect(text(list[0]![1])).toMatch(/closed right now/);
  });

  it('a suspended tenant: the paused message, no forwarding', async () => {
    const { phoneNumber } = await phoneTenant({ status: 'suspended' });
    const list = verbs((await post('/twilio/voice/incoming', newCall(phoneNumber))).body);
    expect(list.map(([name]) => name)).toEqual(['Say', 'Hangup']);
    expect(text(list[0]![1])).toMatch(/paused/);
  });

  it('Twilio sending incoming twice for one CallSid starts one workflow and applies it once', async () => {
    const { phoneNumber } = await phoneTenant();
    const call = newCall(phoneNumber);
    const first = await post('/twilio/voice/incoming', call);
    const again = await post('/twilio/voice/incoming', call);
    expect(again.body).toBe(first.body);
    const handle = t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid));
    expect((await handle.query(callStateQuery)).step).toBe(1);
    const runs = [];
    for await (const run of t.deps.temporal.workflow.list({ query: `WorkflowId = '${workflowIds.call(call.CallSid)}'` })) runs.push(run.runId);
    expect(runs.length).toBeLessThanOrEqual(1);
  });
});

describe('walking the IVR', () => {
  async function start(options?: Parameters<typeof phoneTenant>[0]) {
    const tenant = await phoneTenant(options);
    const call = newCall(tenant.phoneNumber);
    const gather = verbs((await post('/twilio/voice/incoming', call)).body)[0]![1];
    return { ...tenant, call, menuUrl: actionOf(gather) };
  }
  const callLog = async (tenantId: string, callSid: string) => forTenant(t.deps.db, tenantId).call.findMany({ where: { callSid } });

  it('a retried digit is applied once', async () => {
    const { call, menuUrl } = await start();
    const first = await post(menuUrl, { ...call, Digits: '9' });
    const retry = await post(menuUrl, { ...call, Digits: '9' });
    expect(retry.body).toBe(first.body);
    const state = await t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid)).query(callStateQuery);
    expect(state.digits).toEqual(['9']);
    expect(state.menuMisses).toBe(1);
  });

  it('invalid or no input repeats the menu twice, then takes a voicemail', async () => {
    const { call, menuUrl } = await start();
    const miss1 = verbs((await post(menuUrl, { ...call, Digits: '5' })).body);
    expect(miss1[0]![0]).toBe('Gather');
    expect(text(miss1[0]![1].Say)).toMatch(/isn't an option/);
    const miss2 = verbs((await post(actionOf(miss1[0]![1]), call)).body);
    expect(text(miss2[0]![1].Say)).toMatch(/didn't catch that/);
    const third = verbs((await post(actionOf(miss2[0]![1]), call)).body);
    expect(third.map(([name]) => name)).toEqual(['Say', 'Record']);
  });

  it('press 2: screened forward with caller ID; the owner accepts; the call log says answered', async () => {
    const { id, call, menuUrl } = await start();
    const [[name, dial]] = verbs((await post(menuUrl, { ...call, Digits: '2' })).body) as [[string, Node]];
    expect(name).toBe('Dial');
    expect(dial['@callerId']).toBe(call.From);
    const number = dial.Number as Node;
    expect(text(number)).toBe('+19185550111');
    // Twilio calls the screening URL on the owner's leg (its own CallSid).
    const leg = { CallSid: 'CAchildleg000000000000000000000001', ParentCallSid: call.CallSid, From: call.To, To: '+19185550111' };
    const screen = verbs((await post(String(number['@url']), leg)).body);
    expect(screen[0]![0]).toBe('Gather');
    expect(text(screen[0]![1].Say)).toMatch(/Call for Shiny .* Press 1 to accept/);
    const accepted = await post(actionOf(screen[0]![1]), { ...leg, Digits: '1' });
    expect(verbs(accepted.body)).toEqual([]);
    expect(verbs((await post(actionOf(dial), { ...call, DialCallStatus: 'completed' })).body)[0]![0]).toBe('Hangup');

    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '95' });
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '95' }); // Twilio retry
    await expect.poll(() => callLog(id, call.CallSid), { timeout: 15_000 }).toHaveLength(1);
    expect((await callLog(id, call.CallSid))[0]).toMatchObject({ outcome: 'answered', digits: '2', durationSec: 95, fromNumber: call.From });
  });

  it('press 2, nobody answers: our voicemail, stored, the owner texted and emailed once, the call log says voicemail', async () => {
    const { id, call, menuUrl } = await start({ ownerEmail: 'owner@shiny.test' });
    const [[, dial]] = verbs((await post(menuUrl, { ...call, Digits: '2' })).body) as [[string, Node]];
    const afterDial = verbs((await post(actionOf(dial), { ...call, DialCallStatus: 'no-answer' })).body);
    expect(afterDial.map(([name]) => name)).toEqual(['Say', 'Record']);
    const recorded = { ...call, RecordingSid: `RE${call.CallSid.slice(2)}`, RecordingUrl: 'https://api.twilio.com/recordings/RE1', RecordingDuration: '14' };
    const bye = verbs((await post(actionOf(afterDial[1]![1]), recorded)).body);
    expect(bye.map(([name]) => name)).toEqual(['Say', 'Hangup']);
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '40' });
    await expect.poll(() => forTenant(t.deps.db, id).voicemail.findMany({ where: { callSid: call.CallSid } }), { timeout: 15_000 }).toHaveLength(1);
    await expect.poll(async () => (await callLog(id, call.CallSid))[0]?.outcome, { timeout: 15_000 }).toBe('voicemail');
    const ownerTexts = textsTo('+19185550111').filter((m) => m.body.includes(call.From));
    expect(ownerTexts).toHaveLength(1);
    expect(ownerTexts[0]!.body).toMatch(new RegExp(`New voicemail from \\${call.From}, 14s\\. Listen: .*/t/${id}/voicemails`));
    await expect.poll(() => t.smtp.received().filter((m) => m.to.includes('owner@shiny.test')).length, { timeout: 15_000 }).toBe(1);
    expect(t.smtp.received().find((m) => m.to.includes('owner@shiny.test'))!.raw).toMatch(/left a 14-second voicemail/);
  });

  it('press 1: the info message, and the price sheet texted to the caller exactly once', async () => {
    const { call, menuUrl } = await start();
    const first = verbs((await post(menuUrl, { ...call, Digits: '1' })).body);
    expect(first[0]![0]).toBe('Gather');
    expect(text(first[0]![1].Say)).toMatch(/texting you our prices/);
    await post(menuUrl, { ...call, Digits: '1' }); // Twilio retrying the same request
    await post(actionOf(first[0]![1]), { ...call, Digits: '1' }); // the caller pressing 1 again
    await expect.poll(() => textsTo(call.From).length, { timeout: 15_000 }).toBe(1);
    expect(textsTo(call.From)[0]!.body).toMatch(/Thanks for calling Shiny/);
    await new Promise((r) => setTimeout(r, 500));
    expect(textsTo(call.From)).toHaveLength(1);
  });

  it('a caller ID in a satellite range (+882) pressing 1 gets no text (SMS pumping): the info text is refused, and the row says why', async () => {
    const tenant = await phoneTenant({ textBack: true });
    const call = { ...newCall(tenant.phoneNumber), From: '+882123456789' };
    const menuUrl = actionOf(verbs((await post('/twilio/voice/incoming', call)).body)[0]![1]);
    await post(menuUrl, { ...call, Digits: '1' });
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '20' });
    const info = () => forTenant(t.deps.db, tenant.id).message.findFirst({ where: { idempotencyKey: `call:${call.CallSid}:info` } });
    await expect.poll(async () => (await info())?.status, { timeout: 15_000 }).toBe('blocked_destination');
    expect((await info())!.error).toMatch(/satellite or international-network number \(\+882\)/);
    await expect.poll(() => t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid)).describe().then((d) => d.status.name), { timeout: 15_000 }).toBe('COMPLETED');
    expect(textsTo(call.From)).toHaveLength(0);
  });

  it('a caller who hangs up gets one missed-call text, however often Twilio reports it', async () => {
    // Midday on the tenant's clock: after 21:00 in Chicago the text would (rightly) be held for quiet hours.
    const { id, call } = await start({ textBack: true, timeZone: middayZone() });
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '3' });
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '3' });
    await expect.poll(async () => (await callLog(id, call.CallSid))[0]?.outcome, { timeout: 15_000 }).toBe('abandoned');
    expect(textsTo(call.From).map((m) => m.body)).toEqual([expect.stringMatching(/Sorry we missed your call/)]);
  });

  it('a suspended tenant’s caller gets no automations', async () => {
    const { phoneNumber } = await phoneTenant({ status: 'suspended', textBack: true });
    const call = newCall(phoneNumber);
    await post('/twilio/voice/incoming', call);
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '5' });
    await expect.poll(() => t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid)).describe().then((d) => d.status.name), { timeout: 15_000 }).toBe('COMPLETED');
    expect(textsTo(call.From)).toHaveLength(0);
  });

  it('press 3 records a voicemail; press 7 tells a joke only when enabled', async () => {
    const { call, menuUrl } = await start({ jokes: true });
    const joke = verbs((await post(menuUrl, { ...call, Digits: '7' })).body);
    expect(joke[0]![0]).toBe('Gather');
    expect(text(joke[0]![1].Say)).toMatch(/Thanks for (laughing|calling)/);
    const vm = verbs((await post(actionOf(joke[0]![1]), { ...call, Digits: '3' })).body);
    expect(vm.map(([name]) => name)).toEqual(['Say', 'Record']);
  });

  it("a house cleaner's line greets callers and jokes as a cleaner, not a car detailer", async () => {
    const { id, call, menuUrl } = await start({ jokes: true, industry: 'house-cleaning' });
    const greeting = text(verbs((await post('/twilio/voice/incoming', call)).body)[0]![1].Say);
    expect(greeting).toContain(fillPackText(houseCleaning.ivr.greeting, { business: `Shiny ${id}` }));
    const joke = text(verbs((await post(menuUrl, { ...call, Digits: '7' })).body)[0]![1].Say);
    expect(houseCleaning.ivr.jokes.some((line) => joke.includes(line)), joke).toBe(true);
    expect(joke).not.toMatch(/car|wheel|exhaust|mower/i);
  });

  it('hanging up in the menu is logged as abandoned', async () => {
    const { id, call } = await start();
    await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '4' });
    await expect.poll(async () => (await callLog(id, call.CallSid))[0]?.outcome, { timeout: 15_000 }).toBe('abandoned');
  });
});

/** A zone where it is midday now, so automations are never held for quiet hours (21:00–08:00) while a test runs. */
const middayZone = () => {
  const offset = new Date().getUTCHours() - 12; // Etc/GMT+N is N hours behind UTC
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : '-'}${Math.abs(offset)}`;
};

describe('missed-call text-back (only for calls really missed, once per caller per window)', () => {
  const missedTexts = (caller: string) => textsTo(caller).filter((m) => /Sorry we missed your call/.test(m.body));
  const finished = (callSid: string) =>
    expect.poll(() => t.deps.temporal.workflow.getHandle(workflowIds.call(callSid)).describe().then((d) => d.status.name), { timeout: 15_000 }).toBe('COMPLETED');

  async function menuCall(tenant: { phoneNumber: string }, from?: string) {
    const call = { ...newCall(tenant.phoneNumber), ...(from ? { From: from } : {}) };
    const gather = verbs((await post('/twilio/voice/incoming', call)).body)[0]![1];
    return { call, menuUrl: actionOf(gather) };
  }
  const hangUp = (call: Record<string, string>, seconds = '8') => post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: seconds });

  it('no missed-call text after the info text, a joke, a voicemail or an answered call', async () => {
    const tenant = await phoneTenant({ textBack: true, jokes: true, timeZone: middayZone() });
    const info = await menuCall(tenant);
    await post(info.menuUrl, { ...info.call, Digits: '1' });
    const joke = await menuCall(tenant);
    await post(joke.menuUrl, { ...joke.call, Digits: '7' });
    const voicemail = await menuCall(tenant);
    const record = verbs((await post(voicemail.menuUrl, { ...voicemail.call, Digits: '3' })).body);
    await post(actionOf(record[1]![1]), { ...voicemail.call, RecordingSid: `RE${voicemail.call.CallSid.slice(2)}`, RecordingUrl: 'https://api.twilio.com/r/vm', RecordingDuration: '7' });
    const answered = await menuCall(tenant);
    const [[, dial]] = verbs((await post(answered.menuUrl, { ...answered.call, Digits: '2' })).body) as [[string, Node]];
    await post(actionOf(dial), { ...answered.call, DialCallStatus: 'completed' });

    for (const { call } of [info, joke, voicemail, answered]) await hangUp(call);
    for (const { call } of [info, joke, voicemail, answered]) await finished(call.CallSid);
    await expect.poll(() => textsTo(info.call.From).length, { timeout: 15_000 }).toBe(1); // the price sheet, nothing else
    for (const { call } of [info, joke, voicemail, answered]) expect(missedTexts(call.From)).toEqual([]);
  });

  it('a caller who calls again and again and hangs up gets one missed-call text a day; a forward nobody took counts as missed', async () => {
    const tenant = await phoneTenant({ textBack: true, timeZone: middayZone() });
    const first = await menuCall(tenant);
    const caller = first.call.From;
    const calls = [first.call];
    for (let i = 0; i < 3; i++) calls.push((await menuCall(tenant, caller)).call);
    for (const call of calls) {
      await hangUp(call, '3');
      await finished(call.CallSid);
    }
    expect(missedTexts(caller)).toHaveLength(1);

    // Pressed 2, nobody picked up, hung up at our voicemail tone: missed, texted once.
    const unanswered = await menuCall(tenant);
    const [[, dial]] = verbs((await post(unanswered.menuUrl, { ...unanswered.call, Digits: '2' })).body) as [[string, Node]];
    await post(actionOf(dial), { ...unanswered.call, DialCallStatus: 'no-answer' });
    await hangUp(unanswered.call, '30');
    await finished(unanswered.call.CallSid);
    expect(missedTexts(unanswered.call.From)).toHaveLength(1);
    const key = (await forTenant(t.deps.db, tenant.id).message.findFirstOrThrow({ where: { toNumber: unanswered.call.From } })).idempotencyKey;
    expect(key).toMatch(/^missed-call:[0-9a-f]+:24h:\d+$/);
    expect(key).not.toContain(unanswered.call.From.slice(2)); // no phone number in keys (they reach log lines)
  });
});

describe('never silence', () => {
  // Issue 14 changed these: the API renders the IVR itself, so Temporal being down or slow no longer means the fallback.
  it('with Temporal unreachable the caller still hears the menu, within the event deadline', async () => {
    const { phoneNumber } = await phoneTenant();
    const down = createApp({ ...t.deps, temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }) });
    const { body, ms } = await post('/twilio/voice/incoming', newCall(phoneNumber), { app: down });
    expect(ms).toBeLessThan(3_000);
    const [[name, gather]] = verbs(body) as [[string, Node]];
    expect(name).toBe('Gather');
    expect(text(gather.Say)).toMatch(/Press 1/);
  });

  it('with no worker polling the caller hears the menu at once: no answer waits for a worker', async () => {
    const { phoneNumber } = await phoneTenant();
    const stalled = createApp({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: uniqueId('nobody-polls'), TWILIO_WEBHOOK_DEADLINE_MS: 1_000 } });
    const { body, ms } = await post('/twilio/voice/incoming', newCall(phoneNumber), { app: stalled });
    expect(ms).toBeLessThan(900);
    expect(verbs(body)[0]![0]).toBe('Gather');
  });

  it('with Temporal unreachable and no forwarding number, a voicemail left through the menu is kept', async () => {
    const { id, phoneNumber } = await phoneTenant({ forwardingNumber: null });
    const down = createApp({ ...t.deps, temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }) });
    const call = newCall(phoneNumber);
    const gather = verbs((await post('/twilio/voice/incoming', call, { app: down })).body)[0]![1];
    const list = verbs((await post(actionOf(gather), { ...call, Digits: '3' }, { app: down })).body);
    expect(list.map(([name]) => name)).toEqual(['Say', 'Record']);
    await post(actionOf(list[1]![1]), { ...call, RecordingSid: 'REfallback0000000000000000000000001', RecordingUrl: 'https://api.twilio.com/r/1', RecordingDuration: '9' }, { app: down });
    await expect.poll(() => forTenant(t.deps.db, id).voicemail.count({ where: { callSid: call.CallSid } }), { timeout: 15_000 }).toBe(1);
  });
});

describe('determinism', () => {

  it('replays a recorded call (press 2, no answer, voicemail, texts) against the current workflow code', async () => {
    if (recordingHistories) {
      const tenant = await phoneTenant({ ownerEmail: 'owner@recorded.test' });
      const call = newCall(tenant.phoneNumber);
      const menu = verbs((await post('/twilio/voice/incoming', call)).body);
      const [[, dial]] = verbs((await post(actionOf(menu[0]![1]), { ...call, Digits: '2' })).body) as [[string, Node]];
      const record = verbs((await post(actionOf(dial), { ...call, DialCallStatus: 'no-answer' })).body);
      await post(actionOf(record[1]![1]), { ...call, RecordingSid: 'RErecorded', RecordingUrl: 'https://api.twilio.com/r/recorded', RecordingDuration: '12' });
      await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '30' });
      const handle = t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid));
      await handle.result();
      await recordHistory('call-press2-voicemail.json', await handle.fetchHistory());
    }
    await replayRecorded('call-press2-voicemail.json', 'call:recorded');
  });

  it('replays a recorded missed call (hung up in the menu, one missed-call text per caller and day)', async () => {
    if (recordingHistories) {
      const tenant = await phoneTenant({ textBack: true, timeZone: middayZone() });
      const call = newCall(tenant.phoneNumber);
      await post('/twilio/voice/incoming', call);
      await post('/twilio/voice/status', { ...call, CallStatus: 'completed', CallDuration: '6' });
      const handle = t.deps.temporal.workflow.getHandle(workflowIds.call(call.CallSid));
      await handle.result();
      await recordHistory('call-hangup-missed-text.json', await handle.fetchHistory());
    }
    await replayRecorded('call-hangup-missed-text.json', 'call:missed');
  });
});
