import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/ports.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { startApiServer } from './server.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('startApiServer', () => {
  it('listens on loopback unless HOST says otherwise, and names itself localhost (the host the Temporal UI is printed with)', async () => {
    const port = await freePort();
    const api = await startApiServer(t.deps, port);
    try {
      expect(api.host).toBe('127.0.0.1');
      expect(api.url).toBe(`http://localhost:${port}`);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('HOST=0.0.0.0 listens on every interface', async () => {
    const port = await freePort();
    const api = await startApiServer({ ...t.deps, config: { ...t.deps.config, HOST: '0.0.0.0' } }, port);
    try {
      expect(api.host).toBe('0.0.0.0');
      expect(api.url).toBe(`http://localhost:${port}`);
    } finally {
      await api.close();
    }
  });
});
