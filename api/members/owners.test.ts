import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { GOOD_PASSWORD, invitedMember, tenantWithOwner as ownedTenant, tokenMailedTo } from '../../tests/account-fixtures.ts';

let t: TestApp;
let platform: string;
beforeAll(async () => {
  t = await createTestApp();
  platform = await t.ownerToken();
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const json = async <T,>(r: Response) => (await r.json()) as T;
type MemberList = { members: { userId: string; email: string; name: string | null; role: string }[]; invites: { id: string; email: string; role: string }[] };
const tenantWithOwner = () => ownedTenant(t, platform);

describe('owners: at least one, always', () => {
  it('the last owner can be neither removed nor demoted', async () => {
    const { tenantId, owner, ownerId } = await tenantWithOwner();
    const removed = await t.call('DELETE', `/api/tenants/${tenantId}/members/${ownerId}`, { token: owner });
    expect(removed.status).toBe(409);
    expect((await json<ErrorBody>(removed)).error.code).toBe('last_owner');
    const demoted = await t.call('PATCH', `/api/tenants/${tenantId}/members/${ownerId}`, { token: owner, body: { role: 'staff' } });
    expect(demoted.status).toBe(409);
    // By the platform owner neither.
    expect((await t.call('DELETE', `/api/tenants/${tenantId}/members/${ownerId}`, { token: platform })).status).toBe(409);
    expect((await t.call('GET', `/api/tenants/${tenantId}/phone-settings`, { token: owner })).status).toBe(200);
  });

  it('roles change both ways while another owner remains, each change in the audit log with before and after', async () => {
    const { tenantId, owner, ownerId } = await tenantWithOwner();
    const staff = await invitedMember(t, owner, tenantId, 'staff');
    expect((await t.call('PATCH', `/api/tenants/${tenantId}/members/${staff.userId}`, { token: owner, body: { role: 'owner' } })).status).toBe(200);
    // Two owners now: the first may step down to staff.
    expect((await t.call('PATCH', `/api/tenants/${tenantId}/members/${ownerId}`, { token: owner, body: { role: 'staff' } })).status).toBe(200);
    expect((await t.call('PATCH', `/api/tenants/${tenantId}/members/${staff.userId}`, { token: owner, body: { role: 'staff' } })).status).toBe(403);
    expect((await t.call('PATCH', `/api/tenants/${tenantId}/members/${staff.userId}`, { token: staff.token, body: { role: 'admin' } })).status).toBe(400);
    const audit = await t.adminSql("SELECT actor_user_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'member.role_changed' ORDER BY id", [tenantId]);
    expect(audit.rows).toEqual([
      { actor_user_id: ownerId, before: { userId: staff.userId, email: staff.email, role: 'staff' }, after: { userId: staff.userId, email: staff.email, role: 'owner' } },
      { actor_user_id: ownerId, before: { userId: ownerId, email: expect.any(String), role: 'owner' }, after: { userId: ownerId, email: expect.any(String), role: 'staff' } },
    ]);
  });

  it('two owners removing each other at the same moment leave one owner, never none', async () => {
    const { tenantId, owner: first, ownerId: firstId } = await tenantWithOwner();
    const second = await invitedMember(t, first, tenantId, 'owner');
    const results = await Promise.all([
      t.call('DELETE', `/api/tenants/${tenantId}/members/${second.userId}`, { token: first }),
      t.call('DELETE', `/api/tenants/${tenantId}/members/${firstId}`, { token: second.token }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // One wins; the other either finds itself no longer an owner (403) or the other the last one (409).
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const { rows } = await t.adminSql("SELECT count(*)::int AS owners FROM memberships WHERE tenant_id = $1 AND role = 'owner'", [tenantId]);
    expect(rows[0].owners).toBe(1);
  });

  it('transfer ownership: the other member becomes owner and the one handing over becomes staff', async () => {
    const { tenantId, owner, ownerId } = await tenantWithOwner();
    const staff = await invitedMember(t, owner, tenantId, 'staff');
    const r = await t.call('POST', `/api/tenants/${tenantId}/members/transfer-ownership`, { token: owner, body: { userId: staff.userId } });
    expect(r.status).toBe(200);
    const list = await json<MemberList>(await t.call('GET', `/api/tenants/${tenantId}/members`, { token: staff.token }));
    expect(Object.fromEntries(list.members.map((m) => [m.userId, m.role]))).toEqual({ [ownerId]: 'staff', [staff.userId]: 'owner' });
    expect((await t.call('PATCH', `/api/tenants/${tenantId}/phone-settings`, { token: owner, body: { jokesEnabled: true } })).status).toBe(403);
    expect((await t.call('PATCH', `/api/tenants/${tenantId}/phone-settings`, { token: staff.token, body: { jokesEnabled: true } })).status).toBe(200);
    const audit = await t.adminSql("SELECT before, after FROM audit_log WHERE tenant_id = $1 AND action = 'member.ownership_transferred'", [tenantId]);
    expect(audit.rows).toHaveLength(1);
    // Transfer to someone who is not a member of this business: 404.
    expect((await t.call('POST', `/api/tenants/${tenantId}/members/transfer-ownership`, { token: staff.token, body: { userId: '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' } })).status).toBe(404);
  });
});

describe('one person in two businesses', () => {
  it('sees each only through its own path, and not a third; the invite for the second is joined with the existing password', async () => {
    const a = await tenantWithOwner();
    const b = await tenantWithOwner();
    const c = await tenantWithOwner();
    // a's owner is invited to b as staff: they already have an account, so they confirm with their password.
    await t.call('POST', `/api/tenants/${b.tenantId}/members`, { token: b.owner, body: { email: a.ownerEmail, role: 'staff' } });
    const token = await tokenMailedTo(t, a.ownerEmail, { tenantId: b.tenantId });
    const preview = await json<{ invite: { businessName: string; hasAccount: boolean; role: string } }>(await t.call('POST', '/api/invites/preview', { body: { token } }));
    expect(preview.invite).toMatchObject({ hasAccount: true, role: 'staff' });

    const wrong = await t.call('POST', '/api/invites/accept', { body: { token, password: 'not my password at all' } });
    expect(wrong.status).toBe(401);
    const joined = await t.call('POST', '/api/invites/accept', { body: { token, password: GOOD_PASSWORD } });
    expect(joined.status).toBe(200);
    const { token: session, user } = await json<{ token: string; user: { name: string; memberships: { tenantId: string; role: string }[] } }>(joined);
    // The name they chose first is kept; they now belong to both.
    expect(user.name).toBe('Olive Owner');
    expect(user.memberships.map((m) => [m.tenantId, m.role]).sort()).toEqual([[a.tenantId, 'owner'], [b.tenantId, 'staff']].sort());

    const calls = (tenantId: string) => t.call('GET', `/api/tenants/${tenantId}/calls`, { token: session });
    expect((await calls(a.tenantId)).status).toBe(200);
    expect((await calls(b.tenantId)).status).toBe(200);
    expect((await calls(c.tenantId)).status).toBe(403);
    // Owner in a, staff in b: settings only where they own.
    expect((await t.call('PATCH', `/api/tenants/${a.tenantId}/phone-settings`, { token: session, body: { jokesEnabled: true } })).status).toBe(200);
    expect((await t.call('PATCH', `/api/tenants/${b.tenantId}/phone-settings`, { token: session, body: { jokesEnabled: true } })).status).toBe(403);
    // Nor the registry.
    expect((await t.call('GET', '/api/admin/tenants', { token: session })).status).toBe(403);
  });
});
