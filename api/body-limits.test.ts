import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { freePort } from '../scripts/ports.ts';
import { acceptsBody, endpointsOf, fillPath } from '../tests/route-table.ts';
import { bodyLimitFor } from './body-limits.ts';
import { startApiServer } from './server.ts';
import { signTwilioRequest } from './twilio/signature.ts';

let t: TestApp;
let ownerToken: string;
beforeAll(async () => {
  t = await createTestApp();
  ownerToken = await t.ownerToken();
});
afterAll(async () => t?.close());

const KB = 1024;
const MB = 1024 * KB;
const UUID = '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const paramValue = (name: string, pattern: string | undefined) => (pattern?.includes('json') ? 'SMx.json' : name === 'tenantId' ? 'root' : UUID);

/** A body of `total` bytes made on demand, 64 KB at a time, counting how much of it the server pulled. */
function countingBody(total: number) {
  const chunk = new Uint8Array(64 * KB).fill(0x61);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

async function expectRefused(response: Response, label: string) {
  expect(response.status, label).toBe(413);
  const text = await response.text();
  if (label.includes('/twilio/voice/')) {
    expect(response.headers.get('content-type'), label).toMatch(/xml/);
    expect(text, label).toMatch(/^<\?xml[\s\S]*<Response>/);
  } else {
    expect(JSON.parse(text), label).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringMatching(/larger than .* Send a smaller body/) } });
  }
}

describe('body limits', () => {
  it('each route group has the limit it needs: Twilio 64 KB, the Stripe webhook 512 KB, JSON APIs 1 MB', () => {
    expect(bodyLimitFor('/twilio/voice/incoming')).toBe(64 * KB);
    expect(bodyLimitFor('/twilio/sms/incoming')).toBe(64 * KB);
    expect(bodyLimitFor('/stripe/webhook')).toBe(512 * KB);
    expect(bodyLimitFor('/api/admin/tenants')).toBe(1 * MB);
    expect(bodyLimitFor('/codec/decode')).toBeGreaterThanOrEqual(2 * MB);
  });

  it('every route in the route table that takes a body refuses one byte over its limit with 413, before it is read', async () => {
    const endpoints = endpointsOf(t.app).filter((e) => acceptsBody(e.method));
    expect(endpoints.length).toBeGreaterThan(20);
    for (const { method, path: pattern } of endpoints) {
      const url = fillPath(pattern, paramValue);
      const size = bodyLimitFor(new URL(url, 'http://x').pathname) + 1;
      // Declared up front (refused from the header alone) and streamed without a length (cut off while reading).
      const declared = await t.app.request(url, { method, headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json', 'content-length': String(size) }, body: 'x'.repeat(size) });
      await expectRefused(declared, `${method} ${pattern} (declared length)`);
      const streamed = countingBody(size);
      const chunked = await t.app.request(url, { method, headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' }, body: streamed.stream, duplex: 'half' } as RequestInit);
      await expectRefused(chunked, `${method} ${pattern} (streamed)`);
    }
  });

  it('a 100 MB body is refused without being read whole (webhooks, login, codec, JSON APIs)', async () => {
    for (const url of ['/twilio/voice/incoming', '/twilio/sms/incoming', '/stripe/webhook', '/api/auth/login', '/codec/decode', '/api/admin/tenants']) {
      const body = countingBody(100 * MB);
      const response = await t.app.request(url, { method: 'POST', headers: { 'content-type': url.startsWith('/twilio') ? 'application/x-www-form-urlencoded' : 'application/json' }, body: body.stream, duplex: 'half' } as RequestInit);
      await expectRefused(response, url);
      expect(body.pulled(), `${url}: bytes read`).toBeLessThanOrEqual(bodyLimitFor(url) + 128 * KB);
    }
  });

  it('over a real socket: a request announcing 100 MB is answered 413 after the first megabyte, without waiting for the rest', async () => {
    const port = await freePort();
    const server = await startApiServer(t.deps, port, '127.0.0.1');
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/stripe/webhook', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(100 * MB) } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.write(Buffer.alloc(1 * MB, 0x61)); // and nothing more: a server that waits for 100 MB never answers
        setTimeout(() => reject(new Error('no answer: the server is waiting for the whole body')), 10_000).unref();
      });
      expect(status).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('bodies within the limit go through: a signed 60 KB Twilio webhook, a 900 KB JSON body', async () => {
    const path = '/twilio/sms/incoming';
    const params = { MessageSid: `SM${'1'.repeat(32)}`, From: '+19185550199', To: '+19995550000', Body: 'a'.repeat(60 * KB - 500) };
    const { authToken } = twilioCredentials(t.deps.config, t.deps.masterKey);
    const signature = signTwilioRequest(authToken, `${t.deps.config.PUBLIC_BASE_URL}${path}`, params);
    const webhook = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
    expect(webhook.status).toBe(200);

    const json = await t.call('POST', '/api/admin/tenants', { token: ownerToken, body: { businessName: 'x'.repeat(900 * KB) } });
    expect(json.status).toBe(400);
  });
});
