import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { GOOD_PASSWORD, mailCount, newEmail, tokenMailedTo } from '../../tests/account-fixtures.ts';
import { hashPassword } from '../../domain/passwords.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const json = async <T,>(r: Response) => (await r.json()) as T;
const OLD_PASSWORD = 'my old password 2026';
const request = (email: string, app = t) => app.call('POST', '/api/auth/password-reset', { body: { email } });
const confirm = (body: unknown) => t.call('POST', '/api/auth/password-reset/confirm', { body });
const me = (token: string) => t.call('GET', '/api/auth/me', { token });

async function account(email = newEmail('reset')) {
  await t.deps.db.user.create({ data: { email, name: 'Rita', passwordHash: await hashPassword(OLD_PASSWORD) } });
  return email;
}

describe('POST /api/auth/password-reset', () => {
  it('202 with the same body for an account and for an unknown email; only the account gets a mail', async () => {
    const email = await account();
    const ghost = newEmail('ghost');
    const known = await request(email);
    const unknown = await request(ghost);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    await tokenMailedTo(t, email, { subject: /reset/i });
    expect(await mailCount(t, ghost)).toBe(0);
  });

  it('takes about as long for an unknown email as for an account (the mail is sent after the answer)', async () => {
    const email = await account();
    const timed = async (address: string) => {
      const started = performance.now();
      await request(address);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await timed(email));
      // Let the account's mail go out before the next timing, so it does not slow that one down.
      await expect.poll(() => mailCount(t, email), { timeout: 20_000 }).toBe(i + 1);
      unknown.push(await timed(newEmail('ghost')));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Waiting for the lookup and the mail would add tens of milliseconds; the margin allows for two busy cores.
    expect(Math.abs(median(known) - median(unknown)), JSON.stringify({ known, unknown })).toBeLessThan(40);
  });

  it('400 naming the field for something that is not an email', async () => {
    const r = await t.call('POST', '/api/auth/password-reset', { body: { email: 'nope' } });
    expect(r.status).toBe(400);
    expect((await json<ErrorBody>(r)).error.fields?.email).toBeTruthy();
  });

  it('requests are throttled (429), for an unknown email as for an account', async () => {
    const throttled = await createTestApp({ accountAttemptsPerWindow: 3 });
    try {
      for (const address of [newEmail('ghost'), await account()]) {
        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push((await request(address, throttled)).status);
        expect(statuses).toEqual([202, 202, 202, 429, 429]);
      }
    } finally {
      await throttled.close();
    }
  });
});

describe('POST /api/auth/password-reset/confirm', () => {
  it('sets the new password and ends every session of the user; the old password stops working', async () => {
    const email = await account();
    const laptop = await t.login(email, OLD_PASSWORD);
    const phone = await t.login(email, OLD_PASSWORD);
    await request(email);
    const token = await tokenMailedTo(t, email, { subject: /reset/i });
    const r = await confirm({ token, password: GOOD_PASSWORD });
    expect(r.status).toBe(200);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { body: { email, password: OLD_PASSWORD } })).status).toBe(401);
    expect((await me(await t.login(email, GOOD_PASSWORD))).status).toBe(200);
    // The database keeps a hash of the token only.
    const { rows } = await t.adminSql('SELECT * FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = $1', [email]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('a reset link works once', async () => {
    const email = await account();
    await request(email);
    const token = await tokenMailedTo(t, email, { subject: /reset/i });
    expect((await confirm({ token, password: GOOD_PASSWORD })).status).toBe(200);
    const again = await confirm({ token, password: 'an attacker passphrase 1' });
    expect(again.status).toBe(410);
    expect((await me(await t.login(email, GOOD_PASSWORD))).status).toBe(200);
  });

  it('an expired reset link is refused', async () => {
    const email = await account();
    await request(email);
    const token = await tokenMailedTo(t, email, { subject: /reset/i });
    await t.adminSql("UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)", [email]);
    const r = await confirm({ token, password: GOOD_PASSWORD });
    expect(r.status).toBe(410);
    expect((await json<ErrorBody>(r)).error.message).toMatch(/new link|again/i);
    expect((await t.call('POST', '/api/auth/login', { body: { email, password: OLD_PASSWORD } })).status).toBe(200);
  });

  it('a forged token is refused (400), and a weak new password gets a field message without using the link up', async () => {
    expect((await confirm({ token: 'B'.repeat(43), password: GOOD_PASSWORD })).status).toBe(400);
    expect((await confirm({ token: '\0', password: GOOD_PASSWORD })).status).toBe(400);
    const email = await account();
    await request(email);
    const token = await tokenMailedTo(t, email, { subject: /reset/i });
    const weak = await confirm({ token, password: 'iloveyou' });
    expect(weak.status).toBe(400);
    expect((await json<ErrorBody>(weak)).error.fields?.password).toBeTruthy();
    expect((await confirm({ token, password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('a newer reset link replaces the older one', async () => {
    const email = await account();
    await request(email);
    const first = await tokenMailedTo(t, email, { subject: /reset/i });
    await request(email);
    const second = await tokenMailedTo(t, email, { subject: /reset/i, after: 1 });
    expect((await confirm({ token: first, password: GOOD_PASSWORD })).status).toBe(410);
    expect((await confirm({ token: second, password: GOOD_PASSWORD })).status).toBe(200);
  });
});
