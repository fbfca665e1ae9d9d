import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { testStack } from '../../tests/stack.ts';
import { startSession } from './sessions.ts';
import { issueToken, sessionKey } from './tokens.ts';

let t: TestApp;
beforeAll(async () => {
  // These tests tell clients apart by X-Forwarded-For, as behind one trusted reverse proxy.
  t = await createTestApp({ loginAttemptsPerWindow: 5, env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(async () => t?.close());

describe('POST /api/auth/login', () => {
  it('signs the platform owner in: a token that expires, a session cookie, and who they are', async () => {
    const { owner } = testStack();
    const r = await t.call('POST', '/api/auth/login', { body: { email: owner.email.toUpperCase(), password: owner.password }, headers: { 'x-forwarded-for': '10.0.0.1' } });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { token: string; expiresAt: string; user: { email: string; isPlatformOwner: boolean; memberships: { tenantId: string; role: string }[] } };
    expect(body.user).toMatchObject({ email: owner.email, isPlatformOwner: true, memberships: [{ tenantId: 'root', role: 'owner' }] });
    const hours = (new Date(body.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11);
    expect(hours).toBeLessThanOrEqual(12);
    expect(r.headers.get('set-cookie')).toMatch(/servicepro_session=.+HttpOnly/i);

    const me = await t.call('GET', '/api/auth/me', { token: body.token });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(owner.email);
  });

  it('stores passwords as argon2id hashes, never in the clear', async () => {
    const user = await t.deps.db.user.findUniqueOrThrow({ where: { email: testStack().owner.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(testStack().owner.password);
  });

  it('401 for a wrong password and for an unknown email, with the same message', async () => {
    const wrong = await t.call('POST', '/api/auth/login', { body: { email: testStack().owner.email, password: 'nope' }, headers: { 'x-forwarded-for': '10.0.0.2' } });
    const unknown = await t.call('POST', '/api/auth/login', { body: { email: 'ghost@example.com', password: 'nope' }, headers: { 'x-forwarded-for': '10.0.0.2' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('400 naming the fields for a malformed body', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { email: 'not-an-email' }, headers: { 'x-forwarded-for': '10.0.0.3' } });
    expect(r.status).toBe(400);
    const { error } = (await r.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'password']);
  });

  it('400 saying what to send for a null, array, string or non-JSON body (not a 500)', async () => {
    for (const body of ['null', '[]', '"owner@example.com"', '42', 'email=a&password=b', '{"email":']) {
      const r = await t.call('POST', '/api/auth/login', { body, headers: { 'x-forwarded-for': '10.0.0.4' } });
      expect(r.status, body).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message, body).toMatch(/email|JSON/i);
    }
  });

  it('rate-limits repeated attempts for one address and account with 429', async () => {
    const attempt = () => t.call('POST', '/api/auth/login', { body: { email: 'target@example.com', password: 'guess' }, headers: { 'x-forwarded-for': '10.9.9.9' } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another address is not locked out by it.
    const other = await t.call('POST', '/api/auth/login', { body: { email: 'target@example.com', password: 'guess' }, headers: { 'x-forwarded-for': '10.9.9.10' } });
    expect(other.status).toBe(401);
  });
});

describe('session tokens', () => {
  it('an expired token is refused with 401', async () => {
    const user = await t.deps.db.user.findUniqueOrThrow({ where: { email: testStack().owner.email } });
    const { sessionId } = await startSession(t.deps.db, sessionKey(t.deps.masterKey), { userId: user.id, ttlHours: 1 });
    const token = await issueToken(sessionKey(t.deps.masterKey), { userId: user.id, sessionId, expiresAt: new Date(Date.now() - 3_600_000) }, new Date(Date.now() - 2 * 3_600_000));
    const r = await t.call('GET', '/api/auth/me', { token });
    expect(r.status).toBe(401);
  });

  it('a token signed with another key is refused', async () => {
    const user = await t.deps.db.user.findUniqueOrThrow({ where: { email: testStack().owner.email } });
    const { sessionId, expiresAt } = await startSession(t.deps.db, sessionKey(t.deps.masterKey), { userId: user.id, ttlHours: 1 });
    const token = await issueToken(sessionKey(Buffer.alloc(32, 1)), { userId: user.id, sessionId, expiresAt });
    expect((await t.call('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  // Changed with issue 15 (item 4): the cookie now counts only where it is needed, the Temporal UI's codec calls.
  it('the session cookie works like the bearer token on the codec endpoint', async () => {
    const token = await t.ownerToken();
    const r = await t.call('POST', '/codec/decode', { body: { payloads: [] }, headers: { cookie: `servicepro_session=${token}` } });
    expect(r.status).toBe(200);
  });
});
