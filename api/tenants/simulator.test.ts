// The call simulator end to end: the real voice webhooks, call workflow, worker, Postgres and
// Temporal, reached over HTTP the way Twilio would — walking the root tenant's phone menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioCredentials } from '../../domain/twilio-credentials.ts';
import { simulateCall, type SimulatedCall } from '../sandbox/call-simulator.ts';
import { parseTwiml, verbsOf } from '../sandbox/twiml-parser.ts';
import { startTestServer } from '../../tests/app-harness.ts';
import { createTenant, randomNumber } from '../../tests/tenant-fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let owner: string;
let infoText: string;
const ROOT_NUMBER = '+19185550100';

// Over real HTTP: the simulator endpoint sends its webhooks back to the address it was reached on.
const api = async <T,>(method: string, path: string, body?: unknown, token = owner) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
};

function walkRoot(digits: string[], extra: { answerScreening?: boolean } = {}): Promise<SimulatedCall> {
  const { config, masterKey } = server.testApp.deps;
  const { authToken, accountSid } = twilioCredentials(config, masterKey);
  return simulateCall({ baseUrl: config.PUBLIC_BASE_URL, authToken, accountSid, from: randomNumber(), to: ROOT_NUMBER, digits, ...extra });
}

const verbNames = (twiml: string) => verbsOf(parseTwiml(twiml)).map((verb) => verb.name);
const callLogged = async (callSid: string) => {
  const { body } = await api<{ calls: { callSid: string; outcome: string; digits: string[] }[] }>('GET', '/api/tenants/root/calls?limit=100');
  return body.calls.find((c) => c.callSid === callSid);
};

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.testApp.ownerToken();
  const { body } = await api<{ phoneSettings: { forwardingNumber: string | null; infoText: string | null; ivrMode: string } }>('GET', '/api/tenants/root/phone-settings');
  expect(body.phoneSettings.ivrMode).toBe('ivr');
  // "Talk to a person" needs somewhere to ring. Other tests may set their own number, never none.
  if (!body.phoneSettings.forwardingNumber) await api('PATCH', '/api/tenants/root/phone-settings', { forwardingNumber: '+19185550111' });
  infoText = body.phoneSettings.infoText ?? 'texting you our prices';
}, 60_000);
afterAll(async () => server?.stop());

describe("simulateCall walks the root tenant's IVR", () => {
  it('press 1: the greeting menu, then the info text; the info SMS and the call log show up in the app', async () => {
    const call = await walkRoot(['1']);
    expect(call.error).toBeUndefined();
    expect(call.steps[0]!.status).toBe(200);
    expect(verbNames(call.steps[0]!.twiml)).toEqual(['Gather']);
    expect(call.heard[0]).toMatch(/Press 1/);
    expect(call.heard[1]).toContain(infoText);
    expect(call.pressed).toEqual(['1']);

    await expect.poll(async () => (await callLogged(call.callSid))?.digits, { timeout: 15_000 }).toEqual(['1']);
    await expect
      .poll(async () => {
        const { body } = await api<{ messages: { to: string; direction: string }[] }>('GET', '/api/tenants/root/messages?limit=100');
        return body.messages.some((m) => m.direction === 'outbound' && m.to === call.from);
      }, { timeout: 15_000 })
      .toBe(true);
  });

  it('press 2: reaches the Dial with caller ID passthrough and screening; accepted, the call is logged answered', async () => {
    const call = await walkRoot(['2'], { answerScreening: true });
    expect(call.error).toBeUndefined();
    const dialStep = call.steps[1]!;
    expect(verbNames(dialStep.twiml)).toContain('Dial');
    const dial = verbsOf(parseTwiml(dialStep.twiml)).find((verb) => verb.name === 'Dial')!;
    expect(dial.attrs.callerId).toBe(call.from);
    expect(call.steps.some((s) => s.leg === 'callee')).toBe(true);
    expect(call.lines.some((l) => l.leg === 'callee' && /Press 1 to accept/.test(l.text))).toBe(true);
    expect(call.steps.find((s) => s.params.DialCallStatus)?.params.DialCallStatus).toBe('completed');
    await expect.poll(async () => (await callLogged(call.callSid))?.outcome, { timeout: 15_000 }).toBe('answered');
  });

  it('press 3: records a voicemail that lands in the inbox', async () => {
    const call = await walkRoot(['3']);
    expect(call.error).toBeUndefined();
    expect(verbNames(call.steps[1]!.twiml)).toContain('Record');
    const recordingSid = call.steps.find((s) => s.params.RecordingSid)!.params.RecordingSid;
    expect(call.heard.at(-1)).toMatch(/got your message/i);
    await expect
      .poll(async () => {
        const { body } = await api<{ voicemails: { callSid: string }[] }>('GET', '/api/tenants/root/voicemails?limit=100');
        return body.voicemails.some((v) => v.callSid === call.callSid);
      }, { timeout: 15_000 })
      .toBe(true);
    expect(recordingSid).toMatch(/^RE[0-9a-f]{32}$/);
  });
});

describe('POST /api/tenants/:tenantId/simulator/calls', () => {
  it("plays a call to the tenant's own number and returns the transcript with each step's TwiML", async () => {
    const { status, body } = await api<{ call: SimulatedCall }>('POST', '/api/tenants/root/simulator/calls', { digits: ['1'], from: '(918) 555-0198' });
    expect(status).toBe(200);
    expect(body.call).toMatchObject({ to: ROOT_NUMBER, from: '+19185550198', pressed: ['1'] });
    expect(body.call.error).toBeUndefined();
    expect(body.call.steps[0]!.url).toMatch(/\/twilio\/voice\/incoming$/);
    expect(body.call.steps[0]!.twiml).toContain('<Gather');
    expect(body.call.heard[1]).toContain(infoText);
    // Let the call's workflow finish its texts and log before the server stops.
    await expect.poll(async () => (await callLogged(body.call.callSid))?.digits, { timeout: 15_000 }).toEqual(['1']);
  });

  it('400 for bad keys, 403 for staff, 409 for a business without a number', async () => {
    const bad = await api<{ error: { fields: Record<string, string> } }>('POST', '/api/tenants/root/simulator/calls', { digits: ['x'], from: '123' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['digits.0', 'from']);
    const staff = await server.testApp.memberToken('root', 'staff');
    expect((await api('POST', '/api/tenants/root/simulator/calls', { digits: ['1'] }, staff)).status).toBe(403);
    const { id } = await createTenant(server.testApp, owner, 'pro', { withNumber: false });
    const none = await api<{ error: { code: string } }>('POST', `/api/tenants/${id}/simulator/calls`, {});
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('phone_number_required');
  });
});
