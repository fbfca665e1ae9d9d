import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/ports.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { testStack, uniqueId } from '../../tests/stack.ts';
import { createApp } from '../app.ts';
import { startApiServer } from '../server.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Limits = { perAddressAndAccount?: number; perAccount?: number; perAddress?: number };
const roomy = { perAddressAndAccount: 1_000, perAccount: 1_000, perAddress: 1_000 };

/** A fresh app (fresh counters) over the test database, with the given budgets and proxy setting. */
function appWith(limits: Limits, trustProxyHops = 0) {
  const app = createApp({ ...t.deps, config: { ...t.deps.config, TRUST_PROXY_HOPS: trustProxyHops } }, { loginLimits: { ...roomy, ...limits } });
  return async (email: string, password: string, forwardedFor?: string) =>
    (
      await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify({ email, password }),
      })
    ).status;
}

const ghost = () => `${uniqueId('ghost')}@example.com`;
const random = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe('login throttling', () => {
  it('a new X-Forwarded-For value per guess does not get around the limit: no forwarded header is trusted by default', async () => {
    const login = appWith({ perAddressAndAccount: 3 });
    const target = ghost();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await login(target, `guess ${i}`, `10.0.${i}.1`));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('behind TRUST_PROXY_HOPS=1, only the address the proxy saw counts, not what the client put in front of it', async () => {
    const login = appWith({ perAddressAndAccount: 3 }, 1);
    const target = ghost();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await login(target, `guess ${i}`, `${random()}, 10.1.1.1`));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client behind the same proxy is a different address.
    expect(await login(target, 'guess', '10.1.1.2')).toBe(401);
  });

  it('with two trusted hops, the entry two from the right is the client', async () => {
    const login = appWith({ perAddressAndAccount: 2 }, 2);
    const target = ghost();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await login(target, `guess ${i}`, `${random()}, 10.2.2.2, 10.0.0.${i + 1}`));
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  it('one address trying a password across many accounts is limited (per-address budget)', async () => {
    const login = appWith({ perAddress: 4 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await login(ghost(), 'Summer2026!'));
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('one account guessed from many addresses is limited (per-account budget)', async () => {
    const login = appWith({ perAccount: 4 }, 1);
    const target = ghost();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await login(target, `guess ${i}`, `10.3.${i}.1`));
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Other accounts from those addresses are not affected.
    expect(await login(ghost(), 'guess', '10.3.0.1')).toBe(401);
  });

  it('successful sign-ins use up no budget: 8 good sign-ins and 2 typos, and the owner still gets in', async () => {
    const { owner } = testStack();
    const login = appWith({ perAddressAndAccount: 5, perAccount: 5, perAddress: 5 });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push(await login(owner.email, owner.password));
    statuses.push(await login(owner.email, 'typo one'), await login(owner.email, 'typo two'));
    statuses.push(await login(owner.email, owner.password));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 401, 401, 200]);
  });

  it('refused attempts (429) do not count as guesses, and malformed ones (400) neither', async () => {
    const login = appWith({ perAddressAndAccount: 2 });
    const target = ghost();
    expect(await login('not-an-email', 'x')).toBe(400);
    expect(await login('not-an-email', 'x')).toBe(400);
    expect(await login('not-an-email', 'x')).toBe(400);
    expect([await login(target, 'a'), await login(target, 'b'), await login(target, 'c')]).toEqual([401, 401, 429]);
  });

  it('over a real socket the peer address is the key: changing X-Forwarded-For per guess does not help', async () => {
    const port = await freePort();
    const server = await startApiServer({ ...t.deps }, port, '127.0.0.1');
    const target = ghost();
    try {
      const statuses = [];
      // The harness app allows many; this server's app has the default budgets (10 per address and account).
      for (let i = 0; i < 12; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.4.${i}.1` }, body: JSON.stringify({ email: target, password: `guess ${i}` }) });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await server.close();
    }
  });
});
