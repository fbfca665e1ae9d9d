import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { endpointsOf, fillPath } from '../tests/route-table.ts';
import { createTenant } from '../tests/tenant-fixtures.ts';
import { createApp } from './app.ts';

let t: TestApp;
let tenantId: string;
let ownerToken: string;
beforeAll(async () => {
  t = await createTestApp();
  ownerToken = await t.ownerToken();
  tenantId = (await createTenant(t, ownerToken, 'pro', { withNumber: false })).id;
});
afterAll(async () => t?.close());

const UUID = '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const paramValue = (name: string, pattern: string | undefined) => (pattern?.includes('json') ? 'SMx.json' : name === 'tenantId' ? tenantId : UUID);

/** What every response must carry, whatever it is (a page, JSON, TwiML, an error). */
function expectSecurityHeaders(response: Response, label: string) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, `${label}: CSP`).toContain("default-src 'self'");
  expect(csp, `${label}: CSP`).toContain("script-src 'self'");
  expect(csp, `${label}: CSP`).toContain("object-src 'none'");
  expect(csp, `${label}: CSP`).toContain("base-uri 'self'");
  expect(csp, `${label}: CSP`).toContain("form-action 'self'");
  expect(csp, `${label}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${label}: no inline or eval scripts`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(response.headers.get('x-content-type-options'), `${label}: nosniff`).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), `${label}: framing`).toBe('DENY');
  expect(response.headers.get('referrer-policy'), `${label}: referrer policy`).toBe('no-referrer');
}

describe('security headers on every response', () => {
  it('every route in the route table answers with the CSP, nosniff, frame-ancestors and a referrer policy (signed in and not)', async () => {
    const endpoints = endpointsOf(t.app);
    expect(endpoints.length).toBeGreaterThan(30);
    for (const { method, path: pattern } of endpoints) {
      const url = fillPath(pattern, paramValue);
      for (const token of [undefined, ownerToken]) {
        const response = await t.call(method, url, { token, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
        expectSecurityHeaders(response, `${method} ${pattern} (${token ? 'owner' : 'anonymous'}, ${response.status})`);
      }
    }
  });

  it('unknown paths, the API 404 and preflight requests carry them too', async () => {
    expectSecurityHeaders(await t.call('GET', '/api/nothing-here'), 'API 404');
    expectSecurityHeaders(await t.call('GET', '/no/such/page'), 'plain 404');
    expectSecurityHeaders(await t.call('OPTIONS', '/codec/decode', { headers: { origin: new URL(t.deps.config.TEMPORAL_UI_URL!).origin, 'access-control-request-method': 'POST' } }), 'preflight');
  });

  it('the built web app (its shell, client routes and assets) is served with them', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'servicepro-headers-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>ServicePro</title><script type="module" src="/assets/app.js"></script>');
    await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log("hi")');
    const app = createApp({ ...t.deps, webDist: path.relative(process.cwd(), dist) });
    for (const url of ['/', '/admin/tenants', '/assets/app.js']) {
      const response = await app.request(url);
      expect(response.status, url).toBe(200);
      expectSecurityHeaders(response, url);
    }
  });

  it('HSTS only when PUBLIC_BASE_URL is https', async () => {
    expect((await t.call('GET', '/healthz')).headers.get('strict-transport-security')).toBeNull();
    const https = createApp({ ...t.deps, config: { ...t.deps.config, PUBLIC_BASE_URL: 'https://app.example.com' } });
    const hsts = (await https.request('/healthz')).headers.get('strict-transport-security') ?? '';
    expect(hsts).toMatch(/max-age=\d{7,}/);
    expect(hsts).toContain('includeSubDomains');
  });
});
