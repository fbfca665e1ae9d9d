import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { testStack } from '../../tests/stack.ts';
import { endAllSessions } from './sessions.ts';
import { sessionKey } from './tokens.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const cookie = (token: string) => ({ cookie: `servicepro_session=${token}` });
const me = (token: string) => t.call('GET', '/api/auth/me', { token });
/** A codec call as the Temporal UI makes it: the session cookie, no bearer token. */
const decodeWithCookie = (token: string) => t.call('POST', '/codec/decode', { body: { payloads: [] }, headers: cookie(token) });

async function ownerId() {
  return (await t.deps.db.user.findUniqueOrThrow({ where: { email: testStack().owner.email } })).id;
}

/** A token signed with the real key but with claims of our choosing. */
async function signed(claims: { sub?: string; jti?: string; exp?: number }) {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('servicepro').setIssuedAt();
  if (claims.sub) jwt = jwt.setSubject(claims.sub);
  if (claims.jti) jwt = jwt.setJti(claims.jti);
  if (claims.exp) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(sessionKey(t.deps.masterKey));
}

describe('sessions', () => {
  it('signing in records a server-side session that the token names (jti) and that expires with it', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { email: testStack().owner.email, password: testStack().owner.password }, headers: { 'user-agent': 'Vitest Browser/1.0' } });
    const { token, expiresAt } = (await r.json()) as { token: string; expiresAt: string };
    const claims = decodeJwt(token);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    const session = await t.deps.db.session.findUniqueOrThrow({ where: { id: claims.jti! } });
    expect(session).toMatchObject({ userId: await ownerId(), revokedAt: null, userAgent: 'Vitest Browser/1.0' });
    expect(session.expiresAt.toISOString()).toBe(new Date(claims.exp! * 1000).toISOString());
    expect(expiresAt).toBe(session.expiresAt.toISOString());
  });

  it('POST /api/auth/logout ends the session of the bearer token: the token stops working at once', async () => {
    const token = await t.ownerToken();
    expect((await me(token)).status).toBe(200);
    const out = await t.call('POST', '/api/auth/logout', { token });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/servicepro_session=;.*Max-Age=0/i);
    expect((await me(token)).status).toBe(401);
    expect((await t.deps.db.session.findUniqueOrThrow({ where: { id: decodeJwt(token).jti! } })).revokedAt).toBeInstanceOf(Date);
  });

  it('signing out with the session cookie ends that session too (the codec stops accepting it)', async () => {
    const token = await t.ownerToken();
    expect((await decodeWithCookie(token)).status).toBe(200);
    const out = await t.call('POST', '/api/auth/logout', { headers: cookie(token) });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/servicepro_session=;.*Max-Age=0/i);
    expect((await decodeWithCookie(token)).status).toBe(401);
    expect((await me(token)).status).toBe(401);
  });

  it('signing out twice, or without a session, is harmless', async () => {
    const token = await t.ownerToken();
    expect((await t.call('POST', '/api/auth/logout', { token })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', { token })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/logout')).status).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', { token: 'not-a-token' })).status).toBe(200);
  });

  it('other sessions of the same user keep working when one signs out', async () => {
    const [laptop, phone] = [await t.ownerToken(), await t.ownerToken()];
    await t.call('POST', '/api/auth/logout', { token: laptop });
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(200);
  });

  it('ending every session of a user (as a password reset will) signs them out everywhere', async () => {
    const t1 = await t.memberToken('root', 'staff');
    const userId = decodeJwt(t1).sub!;
    const t2 = (await t.call('POST', '/api/auth/login', { body: { email: (await t.deps.db.user.findUniqueOrThrow({ where: { id: userId } })).email, password: 'member password 123' } }).then((r) => r.json())) as { token: string };
    expect((await me(t2.token)).status).toBe(200);
    expect(await endAllSessions(t.deps.db, userId)).toBe(2);
    expect((await me(t1)).status).toBe(401);
    expect((await me(t2.token)).status).toBe(401);
  });

  it('a session past its server-side expiry is refused, whatever the token says', async () => {
    const token = await t.ownerToken();
    await t.deps.db.session.update({ where: { id: decodeJwt(token).jti! }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await me(token)).status).toBe(401);
  });

  it('a signed token without exp is refused (it would otherwise work forever)', async () => {
    const real = decodeJwt(await t.ownerToken());
    const forever = await signed({ sub: real.sub, jti: real.jti });
    expect((await me(forever)).status).toBe(401);
  });

  it('a signed token without a session id, or naming a session that does not exist, is refused', async () => {
    const sub = await ownerId();
    const exp = Math.floor(Date.now() / 1000) + 3600;
    expect((await me(await signed({ sub, exp }))).status).toBe(401);
    expect((await me(await signed({ sub, exp, jti: '00000000-0000-4000-8000-000000000000' }))).status).toBe(401);
  });

  it('a token whose session belongs to another user is refused', async () => {
    const staff = decodeJwt(await t.memberToken('root', 'staff'));
    const exp = Math.floor(Date.now() / 1000) + 3600;
    expect((await me(await signed({ sub: await ownerId(), jti: staff.jti, exp }))).status).toBe(401);
  });

  it('a token whose sub or jti is not a UUID is a 401, not a 500', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const real = decodeJwt(await t.ownerToken());
    for (const claims of [{ sub: 'root', jti: real.jti, exp }, { sub: real.sub, jti: 'x', exp }, { sub: "'; DROP TABLE users; --", jti: real.jti, exp }]) {
      const r = await me(await signed(claims));
      expect(r.status, JSON.stringify(claims)).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('the session cookie is accepted only by the codec endpoint; every other route wants the bearer token', async () => {
    const token = await t.ownerToken();
    expect((await decodeWithCookie(token)).status).toBe(200);
    expect((await t.call('GET', '/api/admin/tenants', { headers: cookie(token) })).status).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { headers: cookie(token) })).status).toBe(401);
    expect((await t.call('PATCH', '/api/tenants/root/phone-settings', { body: { jokesEnabled: true }, headers: cookie(token) })).status).toBe(401);
    expect((await t.call('GET', '/api/admin/tenants', { token })).status).toBe(200);
  });
});
