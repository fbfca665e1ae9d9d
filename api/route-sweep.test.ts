import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { acceptsBody, endpointsOf, fillPath, type Endpoint } from '../tests/route-table.ts';
import { createTenant } from '../tests/tenant-fixtures.ts';
import { signTwilioRequest } from './twilio/signature.ts';

// Every route, walked from the route table, with odd path parameters, wrong types, odd bytes and
// wrong content types, signed in as the platform owner (who may call everything): nothing may
// answer 5xx. A 5xx means an input reached code that did not expect it; the answer must be a 4xx
// that says what to fix (or, on a voice route, TwiML).

let t: TestApp;
let ownerToken: string;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  ownerToken = await t.ownerToken();
  // A tenant of its own, so routes that act (exports, plan changes) touch nothing shared.
  tenantId = (await createTenant(t, ownerToken, 'elite')).id;
});
afterAll(async () => t?.close());

const UUID = '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const ODD_VALUES = ['\0', 'a\0b', '../', '..%2f..%2fetc%2fpasswd', 'x'.repeat(300), 'not-a-uuid', '😀', '%', "' OR 1=1 --", '\u202e\ufeff', UUID];
const INVALID_UTF8 = new Blob([new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])]); // {"a":"<bad bytes>"}
const NUL_FIELDS = Object.fromEntries(
  ['id', 'email', 'password', 'businessName', 'tier', 'phoneNumber', 'ownerEmail', 'kind', 'from', 'digits', 'listened', 'forwardingNumber', 'ivrMode', 'timeZone', 'payloads', 'cursor'].map((k) => [k, '\0\u0000x']),
);
const BODIES: { label: string; body: string | Blob | undefined; type?: string }[] = [
  { label: 'no body', body: undefined },
  { label: 'null', body: 'null' },
  { label: 'array', body: '[]' },
  { label: 'array of nulls', body: '[null,null]' },
  { label: 'string', body: '"hello"' },
  { label: 'number', body: '42' },
  { label: 'true', body: 'true' },
  { label: 'empty object', body: '{}' },
  { label: 'deep object', body: JSON.stringify({ a: { b: [1, { c: null }] } }) },
  { label: 'NUL in every common field', body: JSON.stringify(NUL_FIELDS) },
  { label: 'wrong types in every common field', body: JSON.stringify(Object.fromEntries(Object.keys(NUL_FIELDS).map((k) => [k, [{ $gt: '' }]]))) },
  { label: 'huge numbers', body: JSON.stringify(Object.fromEntries(Object.keys(NUL_FIELDS).map((k) => [k, 1e308]))) },
  { label: 'truncated JSON', body: '{"email": "a@b.c", "pass' },
  { label: 'invalid UTF-8', body: INVALID_UTF8 },
  { label: 'JSON sent as text/plain', body: '{}', type: 'text/plain' },
  { label: 'form body', body: 'a=1&b=%00&c=%ZZ', type: 'application/x-www-form-urlencoded' },
  { label: 'broken multipart', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', type: 'multipart/form-data; boundary=y' },
  { label: 'XML', body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', type: 'application/xml' },
];
const QUERIES = ['?cursor=garbage', `?cursor=${Buffer.from('+275760-09-13T00:00:00.000Z|' + UUID).toString('base64url')}`, `?cursor=${Buffer.from('-271821-04-20T00:00:00.000Z|' + UUID).toString('base64url')}`, `?cursor=${Buffer.from('2026-01-01T00:00:00.000Z|\0').toString('base64url')}`, '?cursor=%00', '?cursor=%FF%FE', '?limit=-1', '?limit=1e400', '?limit=abc&limit=2', '?includeClosed=%00&unlistened=😀', '?cursor[]=x&limit[a]=1'];

const problems: string[] = [];
let logoutToken: string;
async function send(endpoint: Endpoint, url: string, body: string | Blob | undefined, type = 'application/json', label = '') {
  // Signing out ends the session it is called with: that route gets a session of its own.
  const token = endpoint.path === '/api/auth/logout' ? (logoutToken ??= await t.ownerToken()) : ownerToken;
  const response = await t.app.request(url, {
    method: endpoint.method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
    body,
  });
  const text = await response.text();
  const where = `${endpoint.method} ${url.slice(0, 120)} [${label}] → ${response.status}`;
  if (response.status >= 500) problems.push(`${where} ${text.slice(0, 160)}`);
  if (endpoint.path.startsWith('/twilio/voice/') && !/^<\?xml/.test(text)) problems.push(`${where}: a voice route answered something other than TwiML`);
  return response;
}

const params = (odd: string) => (name: string, pattern: string | undefined) => (pattern?.includes('json') ? `${odd}.json` : odd);
const realTenant = (odd: string) => (name: string, pattern: string | undefined) => (name === 'tenantId' ? tenantId : params(odd)(name, pattern));

describe('route sweep: odd input on every route, signed in as the platform owner', () => {
  // Its time grows with the route table (about 60 requests per route): more than the default minute on two busy cores.
  it('no route answers 5xx to odd path parameters, bodies, content types or query strings', { timeout: 240_000 }, async () => {
    const endpoints = endpointsOf(t.app);
    expect(endpoints.length).toBeGreaterThan(30);
    for (const endpoint of endpoints) {
      const body = acceptsBody(endpoint.method) ? '{}' : undefined;
      for (const odd of ODD_VALUES) {
        await send(endpoint, fillPath(endpoint.path, params(odd)), body, undefined, `params ${JSON.stringify(odd.slice(0, 12))}`);
        await send(endpoint, fillPath(endpoint.path, realTenant(odd)), body, undefined, `tenant, params ${JSON.stringify(odd.slice(0, 12))}`);
      }
      const url = fillPath(endpoint.path, realTenant(UUID));
      if (acceptsBody(endpoint.method)) {
        for (const variant of BODIES) await send(endpoint, url, variant.body, variant.type, variant.label);
      }
      for (const query of QUERIES) await send(endpoint, `${url}${query}`, body, undefined, query);
      // Still signed in, so every answer above came from the route itself, not from a 401.
      expect((await t.call('GET', '/api/auth/me', { token: ownerToken })).status, `after ${endpoint.method} ${endpoint.path}`).toBe(200);
    }
    expect(problems).toEqual([]);
  });

  it('a NUL byte inside an otherwise valid body is a 400, not a 500', async () => {
    const r = await t.call('POST', '/api/admin/tenants', { token: ownerToken, body: { businessName: 'Sunny\u0000Lawns', tier: 'pro' } });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/NUL/);
  });

  it('signed Twilio webhooks with odd fields never answer 5xx, and voice routes answer in TwiML', async () => {
    const { authToken } = twilioCredentials(t.deps.config, t.deps.masterKey);
    const endpoints = endpointsOf(t.app).filter((e) => e.path.startsWith('/twilio/'));
    const fieldSets: Record<string, string>[] = [
      {},
      { CallSid: '../', From: '\0', To: '😀', Digits: 'x'.repeat(300) },
      { CallSid: 'CA' + '0'.repeat(32), From: '+19185550199', To: t.deps.config.ROOT_PHONE_NUMBER, CallStatus: 'completed', CallDuration: 'NaN' },
      { MessageSid: '\0', From: 'a\0b', To: '+1\u0000', Body: '\uffff\ud800' },
    ];
    for (const endpoint of endpoints) {
      for (const query of ['', '?kind=menu&step=%00&call=../', '?kind=%00', '?kind=recorded&call=' + 'x'.repeat(300)]) {
        for (const fields of fieldSets) {
          const path = `${endpoint.path}${query}`;
          const signature = signTwilioRequest(authToken, `${t.deps.config.PUBLIC_BASE_URL}${path}`, fields);
          const response = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(fields).toString() });
          const text = await response.text();
          const where = `${path} ${JSON.stringify(fields).slice(0, 80)} → ${response.status}`;
          if (response.status >= 500) problems.push(`${where} ${text.slice(0, 160)}`);
          // Whatever the answer, a voice route answers in TwiML (a caller never hears "application error").
          if (endpoint.path.startsWith('/twilio/voice/') && !/^<\?xml/.test(text)) problems.push(`${where}: not TwiML: ${text.slice(0, 100)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('unsigned webhooks are refused: Twilio routes 403, the Stripe webhook 400', async () => {
    for (const endpoint of endpointsOf(t.app).filter((e) => e.path.startsWith('/twilio/'))) {
      const r = await t.app.request(endpoint.path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CA1' });
      expect(r.status, endpoint.path).toBe(403);
    }
    const stripe = await t.app.request('/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' }, body: '{}' });
    expect(stripe.status).toBe(400);
  });
});
