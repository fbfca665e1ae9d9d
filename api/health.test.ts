import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { createApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /healthz', () => {
  it('200 when the database and Temporal answer', async () => {
    const r = await t.call('GET', '/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', checks: { database: 'ok', temporal: 'ok' } });
  });

  it('503 naming Temporal when it does not answer', async () => {
    const deadTemporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const app = createApp({ ...t.deps, temporal: deadTemporal });
    const r = await app.request('/healthz');
    expect(r.status).toBe(503);
    const body = (await r.json()) as { checks: { database: string; temporal: string } };
    expect(body.checks.database).toBe('ok');
    expect(body.checks.temporal).toMatch(/^down/);
  });

  it('unknown API paths get a JSON 404', async () => {
    const r = await t.call('GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
