import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../domain/config.ts';
import { stripeCredentials } from '../../domain/stripe-credentials.ts';
import { createStripeSandbox, stripeSandboxRoutes } from './stripe.ts';
import { createTwilioSandbox } from './twilio.ts';

// The offline sandboxes are served on the app's own origin (the one whose localStorage holds the
// session token), so their pages are attack surface: nothing from a path or a stored field may be
// written into HTML unescaped, ids must look like ids, and no link or redirect may leave for a
// script URL or another site. The app's CSP (script-src 'self', form-action 'self') must not break them.

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'onmouseover='alert(1)",
  '</title><script>alert(1)</script>',
  'cs_test_"><svg onload=alert(1)>',
];

const masterKey = randomBytes(32);
const baseUrl = 'http://localhost:3000';
const config = parseConfig({ NODE_ENV: 'test', SERVICEPRO_ENCRYPTION_KEY: masterKey.toString('base64'), PUBLIC_BASE_URL: baseUrl });
const { secretKey } = stripeCredentials(config, masterKey);

/** The local sandbox as `npm start` mounts it: under our API, on PUBLIC_BASE_URL. */
const api = new Hono().route('/sandbox/stripe', stripeSandboxRoutes({ config, masterKey }));
const page = (path: string, init?: RequestInit) => api.request(`/sandbox/stripe${path}`, init);

/** A Stripe API call to the mounted sandbox, form-encoded as the SDK sends it. */
async function v1(path: string, params: Record<string, string>) {
  const response = await page(`/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const customerId = async () => String((await v1('/customers', {})).body.id);
const idOf = (url: unknown) => String(url).split('/').pop()!;

/** No script, no inline handler, no `javascript:` — what a page needs to work under the app's CSP and to be safe. */
function expectInert(body: string) {
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toMatch(/<(img|svg)\b/i);
  expect(body).not.toMatch(/\son[a-z]+\s*=/i);
  expect(body).not.toMatch(/javascript:/i);
}

describe('Stripe sandbox pages', () => {
  it.each(PAYLOADS)('a portal or checkout path that is not a session id is a 404 that does not echo it: %s', async (payload) => {
    for (const path of [`/portal/${encodeURIComponent(payload)}`, `/portal/${payload}`, `/pay/${encodeURIComponent(payload)}`]) {
      const response = await page(path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expectInert(body);
      expect(body).not.toContain(payload);
    }
    const posted = await page(`/pay/${encodeURIComponent(payload)}`, { method: 'POST' });
    expect(posted.status).toBe(404);
    expectInert(await posted.text());
  });

  it('an unknown portal session is a 404 page, not "Session …"', async () => {
    const response = await page(`/portal/bps_${'0'.repeat(24)}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('not known');
  });

  it('a known portal session: a whole HTML page with a way back to the app and nothing executable', async () => {
    const session = await v1('/billing_portal/sessions', { customer: await customerId(), return_url: `${baseUrl}/t/acme/billing?tab="x"&a=<b>` });
    expect(session.status).toBe(200);
    const response = await page(`/portal/${idOf(session.body.url)}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/^<!doctype html>/i);
    expect(body).toContain('<title>ServicePro test billing portal</title>');
    expectInert(body);
    expect(body).not.toContain('"x"');
    expect(body).not.toContain('<b>');
    expect(body).toContain(`href="${baseUrl}/t/acme/billing?tab=%22x%22&amp;a=%3Cb%3E"`);
  });

  it('the checkout page posts a plain form to itself (form-action \'self\') and links back through an escaped URL', async () => {
    const session = await v1('/checkout/sessions', { mode: 'setup', customer: await customerId(), currency: 'usd', success_url: `${baseUrl}/t/acme/billing?x='y'`, cancel_url: `${baseUrl}/t/acme/billing` });
    expect(session.status).toBe(200);
    const id = idOf(session.body.url);
    const response = await page(`/pay/${id}`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expectInert(body);
    // No absolute action: under PUBLIC_BASE_URL=localhost a page opened at 127.0.0.1 still submits to itself.
    expect(body).toMatch(/<form method="post">/);
    expect(body).not.toContain("'y'");
    expect(body).toContain(`href="${baseUrl}/t/acme/billing?x=%27y%27"`);

    const completed = await page(`/pay/${id}`, { method: 'POST' });
    expect(completed.status).toBe(303);
    expect(completed.headers.get('location')).toBe(`${baseUrl}/t/acme/billing?x=%27y%27`);
  });

  it.each(['javascript:alert(document.domain)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'not a url', '//evil.example/phish', 'https://evil.example/phish', `${baseUrl}.evil.example/phish`])(
    'refuses a return, success or cancel URL that is not on the app\'s origin, as Stripe refuses an invalid URL: %s',
    async (url) => {
      const customer = await customerId();
      for (const params of [
        { mode: 'setup', customer, currency: 'usd', success_url: url, cancel_url: `${baseUrl}/billing` },
        { mode: 'setup', customer, currency: 'usd', success_url: `${baseUrl}/billing`, cancel_url: url },
      ]) {
        const created = await v1('/checkout/sessions', params);
        expect(created.status).toBe(400);
        expect(created.body).toMatchObject({ error: { type: 'invalid_request_error' } });
      }
      const portal = await v1('/billing_portal/sessions', { customer, return_url: url });
      expect(portal.status).toBe(400);
    },
  );

  it('as a test fake (not mounted in the app) it takes any http(s) URL, and still never a script URL', async () => {
    const key = `sk_test_${randomBytes(8).toString('hex')}`;
    const fake = createStripeSandbox({ secretKey: key, webhookSecret: 'whsec_x', publicUrl: 'http://127.0.0.1:1' });
    const post = async (path: string, params: Record<string, string>) =>
      fake.app.request(`/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: new URLSearchParams(params) });
    const customer = String(((await (await post('/customers', {})).json()) as { id: string }).id);
    expect((await post('/billing_portal/sessions', { customer, return_url: 'http://localhost:3000/billing' })).status).toBe(200);
    expect((await post('/billing_portal/sessions', { customer, return_url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await post('/checkout/sessions', { mode: 'setup', customer, success_url: 'javascript:alert(1)' })).status).toBe(400);
  });
});

describe('Twilio sandbox paths', () => {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const twilio = createTwilioSandbox({ accountSid, authToken });
  const auth = { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` };

  it.each(PAYLOADS)('a message path that is not a message SID is a 404 that does not echo it: %s', async (payload) => {
    const response = await twilio.app.request(`/2010-04-01/Accounts/${accountSid}/Messages/${encodeURIComponent(payload)}.json`, { headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.text();
    expect(body).not.toContain(payload);
    expect(body).not.toContain(encodeURIComponent(payload));
  });

  it('a well-formed but unknown SID is Twilio\'s 20404', async () => {
    const response = await twilio.app.request(`/2010-04-01/Accounts/${accountSid}/Messages/SM${'0'.repeat(32)}.json`, { headers: auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 20404 });
  });
});
