import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../prisma/client.ts';
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

  it('503 naming the part that is down, never a host, address or driver message', async () => {
    const deadDb = createPrismaClient('postgresql://servicepro:secret@db-primary.internal.example:5432/servicepro');
    const deadTemporal = new Client({ connection: Connection.lazy({ address: '10.9.8.7:7233' }) });
    try {
      const r = await createApp({ ...t.deps, db: deadDb, temporal: deadTemporal }).request('/healthz');
      expect(r.status).toBe(503);
      const text = await r.text();
      expect(JSON.parse(text)).toEqual({ status: 'unavailable', checks: { database: 'down', temporal: 'down' } });
      expect(text).not.toMatch(/db-primary|internal\.example|10\.9\.8\.7|5432|7233|ENOTFOUND|ECONNREFUSED|secret/);
    } finally {
      await deadDb.$disconnect();
    }
  });

  it('unknown API paths get a JSON 404', async () => {
    const r = await t.call('GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
