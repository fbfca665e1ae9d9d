import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRY_PACKS } from '../domain/industry-packs/index.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';

// GET /api/industry-packs: the signup wizard lists the trades before anyone has an account.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface PacksBody {
  packs: { id: string; name: string; services: { name: string; durationMinutes: number; priceCents: number }[]; ivr: { greeting: string; info: string }; agentInstructions?: string }[];
}

describe('GET /api/industry-packs', () => {
  it('lists every pack, in the wizard\'s order, without signing in: what the wizard shows and pre-fills', async () => {
    const response = await t.call('GET', '/api/industry-packs');
    expect(response.status).toBe(200);
    const { packs } = (await response.json()) as PacksBody;
    expect(packs.map((pack) => pack.id)).toEqual(INDUSTRY_PACKS.map((pack) => pack.id));
    const cleaning = packs.find((pack) => pack.id === 'house-cleaning')!;
    expect(cleaning.name).toBe('House cleaning');
    expect(cleaning.services[0]).toMatchObject({ name: 'Standard cleaning', durationMinutes: 150, priceCents: 14900 });
    expect(cleaning.ivr.greeting).toContain('{business}');
    expect(cleaning.ivr.info).toMatch(/\$149/);
  });

  it('keeps what only the agent reads to itself', async () => {
    const { packs } = (await (await t.call('GET', '/api/industry-packs')).json()) as PacksBody;
    for (const pack of packs) expect(pack).not.toHaveProperty('agentInstructions');
  });

  it('may be cached (it changes only with a deploy), and a revalidation with its ETag is a 304', async () => {
    const first = await t.call('GET', '/api/industry-packs');
    expect(first.headers.get('cache-control')).toMatch(/public/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await t.call('GET', '/api/industry-packs', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
