// The simulator against a tiny fake voice server that answers fixed TwiML and checks every
// signature with the twilio SDK — Twilio's protocol, without the real call workflow.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulateCall, type SimulateCallOptions } from './call-simulator.ts';

const AUTH_TOKEN = 'fake-auth-token-0123456789abcdef';
// Twilio is configured with a public URL; the fake server really listens elsewhere (sendTo).
const PUBLIC_URL = 'https://voice.example.test';

type Seen = { path: string; params: Record<string, string> };
let seen: Seen[] = [];
let server: ServerType;
let sendTo = '';

const twiml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;

function menu(action = '/twilio/voice/step?s=menu') {
  return `<Gather action="${action}" numDigits="1" timeout="4"><Say>Thanks for calling Fake Detail. Press 1 for info, 2 to talk to us, 3 for voicemail.</Say></Gather>`;
}

const record = '<Say>Please leave a message after the beep.</Say><Record action="/twilio/voice/step?s=recorded" maxLength="120" recordingStatusCallback="/twilio/voice/step?s=recording"/>';

function fakeVoiceServer() {
  const app = new Hono();
  app.use(async (c, next) => {
    const params = Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]));
    const url = new URL(c.req.url);
    const signed = `${PUBLIC_URL}${url.pathname}${url.search}`;
    if (!twilio.validateRequest(AUTH_TOKEN, c.req.header('x-twilio-signature') ?? '', signed, params)) return c.text('bad signature', 403);
    seen.push({ path: `${url.pathname}${url.search}`, params });
    c.set('params' as never, params as never);
    await next();
  });
  const xml = (body: string) => new Response(twiml(body), { headers: { 'content-type': 'text/xml' } });
  app.post('/twilio/voice/incoming', () => xml(`${menu()}<Redirect>/twilio/voice/step?s=noinput</Redirect>`));
  app.post('/twilio/voice/status', (c) => c.body(null, 204));
  app.post('/twilio/voice/loop', () => xml('<Redirect>/twilio/voice/loop</Redirect>'));
  app.post('/twilio/voice/step', (c) => {
    const params = c.get('params' as never) as Record<string, string>;
    switch (c.req.query('s')) {
      case 'menu':
        if (params.Digits === '1') return xml('<Say>We detail cars at your home. Prices start at 99 dollars.</Say><Hangup/>');
        if (params.Digits === '2')
          return xml(
            `<Say>Connecting you now.</Say><Dial action="${PUBLIC_URL}/twilio/voice/step?s=dialed" callerId="${params.From}" timeout="20"><Number url="/twilio/voice/step?s=screen">+19185550111</Number></Dial>`,
          );
        if (params.Digits === '3') return xml(record);
        if (params.Digits === '8') return xml('<Redirect>/twilio/voice/loop</Redirect>');
        if (params.Digits === '6') return xml('<Redirect>https://elsewhere.example.com/twiml</Redirect>');
        if (params.Digits === '5') return new Response('<Response><Say>broken', { headers: { 'content-type': 'text/xml' } });
        return xml(`<Say>Sorry, that is not an option.</Say>${menu()}`);
      case 'screen':
        return xml('<Gather action="/twilio/voice/step?s=screened" numDigits="1"><Say>Call for Fake Detail. Press 1 to accept.</Say></Gather><Hangup/>');
      case 'screened':
        return xml(params.Digits === '1' ? '<Say>Connecting.</Say>' : '<Hangup/>');
      case 'dialed':
        return xml(params.DialCallStatus === 'completed' ? '<Hangup/>' : `<Say>Sorry, nobody could take your call.</Say>${record}`);
      case 'recorded':
        return xml('<Say>Thanks, we will call you back. Goodbye.</Say><Hangup/>');
      case 'recording':
        return c.body(null, 204);
      case 'noinput':
        return xml('<Say>We did not hear anything. Goodbye.</Say>');
      default:
        return c.text('unknown step', 404);
    }
  });
  return app;
}

const paths = () => seen.map((s) => s.path.replace(/^\/twilio\/voice\//, ''));
const call = (overrides: Partial<SimulateCallOptions> = {}) =>
  simulateCall({ baseUrl: PUBLIC_URL, sendTo, authToken: AUTH_TOKEN, from: '+19185550199', to: '+19185550100', ...overrides });

beforeAll(async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: fakeVoiceServer().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  sendTo = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  seen = [];
});

describe('simulateCall against a fake voice server', () => {
  it('press 1: signed requests with Twilio fields, the info heard, then the status callback', async () => {
    const result = await call({ digits: ['1'] });
    expect(result.error).toBeUndefined();
    expect(result.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(paths()).toEqual(['incoming', 'step?s=menu', 'status']);
    expect(seen[0]!.params).toMatchObject({ CallSid: result.callSid, AccountSid: expect.stringMatching(/^AC[0-9a-f]{32}$/), From: '+19185550199', To: '+19185550100', CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' });
    expect(seen[1]!.params).toMatchObject({ Digits: '1', CallStatus: 'in-progress' });
    expect(seen[2]!.params.CallStatus).toBe('completed');
    expect(Number(seen[2]!.params.CallDuration)).toBe(result.durationSec);
    expect(result.durationSec).toBeGreaterThan(0);
    expect(result.heard).toEqual(['Thanks for calling Fake Detail. Press 1 for info, 2 to talk to us, 3 for voicemail.', 'We detail cars at your home. Prices start at 99 dollars.']);
    expect(result.pressed).toEqual(['1']);
    expect(result.endedBy).toBe('hangup');
    expect(result.steps[1]!.twiml).toContain('<Hangup/>');
    expect(result.steps[1]!.url).toBe(`${PUBLIC_URL}/twilio/voice/step?s=menu`);
  });

  it('press 2 with the callee accepting: screening leg, then the Dial action with completed', async () => {
    const result = await call({ digits: ['2'], answerScreening: true });
    expect(result.error).toBeUndefined();
    expect(paths()).toEqual(['incoming', 'step?s=menu', 'step?s=screen', 'step?s=screened', 'step?s=dialed', 'status']);
    const screen = seen[2]!.params;
    expect(screen).toMatchObject({ ParentCallSid: result.callSid, To: '+19185550111', From: '+19185550199', Direction: 'outbound-dial' });
    expect(screen.CallSid).not.toBe(result.callSid);
    expect(seen[3]!.params.Digits).toBe('1');
    expect(seen[4]!.params).toMatchObject({ DialCallStatus: 'completed', DialCallSid: screen.CallSid, CallSid: result.callSid });
    expect(result.lines.filter((l) => l.leg === 'callee' && l.kind === 'say').map((l) => l.text)).toEqual(['Call for Fake Detail. Press 1 to accept.', 'Connecting.']);
    expect(result.heard).not.toContain('Call for Fake Detail. Press 1 to accept.');
    expect(result.steps.map((s) => s.leg)).toEqual(['caller', 'caller', 'callee', 'callee', 'caller', 'caller']);
  });

  it('press 2 with nobody answering: no-answer, then a voicemail with recording fields and its status callback', async () => {
    const result = await call({ digits: ['2'], recordingDurationSec: 12 });
    expect(result.error).toBeUndefined();
    expect(paths()).toEqual(['incoming', 'step?s=menu', 'step?s=screen', 'step?s=dialed', 'step?s=recorded', 'step?s=recording', 'status']);
    expect(seen[2]!.params.Digits).toBeUndefined();
    expect(seen[3]!.params.DialCallStatus).toBe('no-answer');
    const recorded = seen[4]!.params;
    expect(recorded.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(recorded.RecordingUrl).toContain(recorded.RecordingSid);
    expect(recorded.RecordingDuration).toBe('12');
    expect(seen[5]!.params).toMatchObject({ RecordingSid: recorded.RecordingSid, RecordingStatus: 'completed', CallSid: result.callSid });
    expect(result.heard.at(-1)).toBe('Thanks, we will call you back. Goodbye.');
  });

  it('an invalid key then 3: the menu again, then voicemail', async () => {
    const result = await call({ digits: ['9', '3'] });
    expect(paths()).toEqual(['incoming', 'step?s=menu', 'step?s=menu', 'step?s=recorded', 'step?s=recording', 'status']);
    expect(result.heard).toContain('Sorry, that is not an option.');
    expect(result.pressed).toEqual(['9', '3']);
  });

  it('no keys: the Gather times out and Twilio moves on to the next verb', async () => {
    const result = await call({ digits: [] });
    expect(paths()).toEqual(['incoming', 'step?s=noinput', 'status']);
    expect(result.lines.some((l) => l.kind === 'no-input')).toBe(true);
    expect(result.endedBy).toBe('end-of-twiml');
  });

  it('hangUpWhenDone: at a menu with no keys left the caller hangs up instead of waiting in silence', async () => {
    const result = await call({ digits: ['9'], hangUpWhenDone: true });
    expect(paths()).toEqual(['incoming', 'step?s=menu', 'status']);
    expect(result.endedBy).toBe('caller-hung-up');
    expect(result.lines.at(-1)).toEqual({ leg: 'caller', kind: 'hangup', text: 'hangs up' });
    // A voicemail is still left when the keys lead to one.
    const voicemail = await call({ digits: ['3'], hangUpWhenDone: true });
    expect(voicemail.steps.some((s) => s.params.RecordingSid)).toBe(true);
  });

  it('a wrong auth token is refused (403): the error is reported, the caller hears the apology', async () => {
    const result = await call({ authToken: 'not-the-token', digits: ['1'] });
    expect(result.endedBy).toBe('error');
    expect(result.error).toMatch(/HTTP 403/);
    expect(result.heard.at(-1)).toMatch(/application error/);
    expect(result.steps.map((s) => s.status)).toEqual([403, 403]);
  });

  it('stops a redirect loop, refuses to leave the server, and reports TwiML that is not XML', async () => {
    const loop = await call({ digits: ['8'], maxRequests: 6 });
    expect(loop.endedBy).toBe('too-many-steps');
    const outside = await call({ digits: ['6'] });
    expect(outside.error).toMatch(/outside https:\/\/voice\.example\.test/);
    const broken = await call({ digits: ['5'] });
    expect(broken.error).toMatch(/not valid XML/);
    // The status callback still ends each call.
    expect(seen.filter((s) => s.path === '/twilio/voice/status')).toHaveLength(3);
  });
});
