import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { GOOD_PASSWORD, newEmail, tokenMailedTo } from '../../tests/account-fixtures.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

let t: TestApp;
let platform: string;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  platform = await t.ownerToken();
  tenantId = (await createTenant(t, platform, 'pro', { withNumber: false })).id;
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const json = async <T,>(r: Response) => (await r.json()) as T;
const accept = (body: unknown) => t.call('POST', '/api/invites/accept', { body });

async function invite(email = newEmail('inv')) {
  const r = await t.call('POST', `/api/tenants/${tenantId}/members`, { token: platform, body: { email, role: 'staff' } });
  expect(r.status).toBe(201);
  return { email, token: await tokenMailedTo(t, email, { tenantId }) };
}

describe('invite tokens', () => {
  it('a used invite link cannot be used again', async () => {
    const { token } = await invite();
    expect((await accept({ token, name: 'Una', password: GOOD_PASSWORD })).status).toBe(200);
    const again = await accept({ token, name: 'Mallory', password: 'another good passphrase' });
    expect(again.status).toBe(410);
    expect((await json<ErrorBody>(again)).error.code).toBe('invite_used');
  });

  it('an expired invite link is refused and says to ask for a new one', async () => {
    const { token, email } = await invite();
    await t.adminSql("UPDATE invites SET expires_at = now() - interval '1 minute' WHERE email = $1", [email]);
    const r = await accept({ token, name: 'Late', password: GOOD_PASSWORD });
    expect(r.status).toBe(410);
    const { error } = await json<ErrorBody>(r);
    expect(error.code).toBe('invite_expired');
    expect(error.message).toMatch(/new invite/i);
    expect((await t.adminSql('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).rows[0].n).toBe(0);
  });

  it('an invite to a business that has closed since is refused', async () => {
    const closing = await createTenant(t, platform, 'starter', { withNumber: false });
    const email = newEmail('closed');
    expect((await t.call('POST', `/api/tenants/${closing.id}/members`, { token: platform, body: { email, role: 'owner' } })).status).toBe(201);
    const token = await tokenMailedTo(t, email, { tenantId: closing.id });
    expect((await t.call('DELETE', `/api/admin/tenants/${closing.id}`, { token: platform })).status).toBe(200);
    const r = await accept({ token, name: 'Too Late', password: GOOD_PASSWORD });
    expect(r.status).toBe(410);
    expect((await json<ErrorBody>(r)).error.code).toBe('tenant_closed');
    expect((await t.call('POST', `/api/tenants/${closing.id}/members`, { token: platform, body: { email: newEmail(), role: 'staff' } })).status).toBe(409);
  });

  it('a forged or malformed token is refused (400), never a 500', async () => {
    for (const token of ['A'.repeat(43), 'x', '', '\0', '../../etc', 'a'.repeat(5000)]) {
      const r = await accept({ token, name: 'Eve', password: GOOD_PASSWORD });
      expect(r.status, JSON.stringify(token.slice(0, 10))).toBe(400);
    }
    expect((await t.call('POST', '/api/invites/preview', { body: { token: 'A'.repeat(43) } })).status).toBe(400);
  });

  it('a new account needs a name and a password that is long enough and not a common one, in field messages', async () => {
    const { token } = await invite();
    const missing = await accept({ token });
    expect(missing.status).toBe(400);
    expect(Object.keys((await json<ErrorBody>(missing)).error.fields ?? {})).toContain('password');
    const short = await json<ErrorBody>(await accept({ token, name: 'Shorty', password: 'abc123' }));
    expect(short.error.fields?.password).toMatch(/at least 10/);
    const common = await json<ErrorBody>(await accept({ token, name: 'Common', password: 'password123' }));
    expect(common.error.fields?.password).toMatch(/common/i);
    const commonUpper = await json<ErrorBody>(await accept({ token, name: 'Common', password: 'QWERTYUIOP' }));
    expect(commonUpper.error.fields?.password).toMatch(/common/i);
    const noName = await accept({ token, password: GOOD_PASSWORD });
    expect(noName.status).toBe(400);
    expect((await json<ErrorBody>(noName)).error.fields?.name).toBeTruthy();
    // None of those used the invite up.
    expect((await accept({ token, name: 'Finally', password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('accept attempts are throttled per address (429 after the budget of failures)', async () => {
    const throttled = await createTestApp({ accountAttemptsPerWindow: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await throttled.call('POST', '/api/invites/accept', { body: { token: `forged-token-${i}-${'x'.repeat(30)}`, name: 'Eve', password: GOOD_PASSWORD } })).status);
      expect(statuses).toEqual([400, 400, 400, 429, 429]);
    } finally {
      await throttled.close();
    }
  });
});
