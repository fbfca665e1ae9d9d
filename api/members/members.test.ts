import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { GOOD_PASSWORD, mailCount, newEmail, tenantWithOwner as ownedTenant, tenantWithOwnerInvite as invitedTenant, tokenMailedTo } from '../../tests/account-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';

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
const tenantWithOwnerInvite = (ownerEmail: string) => invitedTenant(t, platform, ownerEmail);
const tenantWithOwner = () => ownedTenant(t, platform);

describe('accounts: invite → accept → owner → staff → removed', () => {
  it('the whole story: owner invited with the tenant, signs in, invites staff who can read but not change; removed staff lose access at once', async () => {
    const ownerEmail = newEmail('owner');
    const { id: tenantId, body } = await tenantWithOwnerInvite(ownerEmail);
    expect(body.ownerInvite).toMatchObject({ email: ownerEmail, role: 'owner' });

    // The invite mail carries a link to the accept page; the database keeps only a hash of its token.
    const inviteToken = await tokenMailedTo(t, ownerEmail, { tenantId });
    const { rows } = await t.adminSql('SELECT token_hash FROM invites WHERE tenant_id = $1', [tenantId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(inviteToken);
    expect(JSON.stringify(rows)).not.toContain(inviteToken);

    const accepted = await t.call('POST', '/api/invites/accept', { body: { token: inviteToken, name: 'Olive Owner', password: GOOD_PASSWORD } });
    expect(accepted.status).toBe(200);
    const signedIn = await json<{ token: string; tenantId: string; user: { email: string; name: string; memberships: { tenantId: string; role: string }[] } }>(accepted);
    expect(signedIn.tenantId).toBe(tenantId);
    expect(signedIn.user).toMatchObject({ email: ownerEmail, name: 'Olive Owner', memberships: [{ tenantId, role: 'owner' }] });

    // And can sign in again with the password they chose.
    const owner = await t.login(ownerEmail, GOOD_PASSWORD);
    expect((await t.call('GET', `/api/tenants/${tenantId}/phone-settings`, { token: owner })).status).toBe(200);

    // The owner invites staff.
    const staffEmail = newEmail('staff');
    const invited = await t.call('POST', `/api/tenants/${tenantId}/members`, { token: owner, body: { email: staffEmail, role: 'staff' } });
    expect(invited.status).toBe(201);
    let list = await json<MemberList>(await t.call('GET', `/api/tenants/${tenantId}/members`, { token: owner }));
    expect(list.members.map((m) => [m.email, m.role])).toEqual([[ownerEmail, 'owner']]);
    expect(list.invites.map((i) => [i.email, i.role])).toEqual([[staffEmail, 'staff']]);

    const staffToken = await tokenMailedTo(t, staffEmail, { tenantId });
    const staffAccepted = await json<{ token: string; user: { id: string } }>(await t.call('POST', '/api/invites/accept', { body: { token: staffToken, name: 'Sam Staff', password: GOOD_PASSWORD } }));
    const staff = staffAccepted.token;

    // Staff read and work, but do not configure.
    expect((await t.call('GET', `/api/tenants/${tenantId}/phone-settings`, { token: staff })).status).toBe(200);
    expect((await t.call('GET', `/api/tenants/${tenantId}/calls`, { token: staff })).status).toBe(200);
    const change = await t.call('PATCH', `/api/tenants/${tenantId}/phone-settings`, { token: staff, body: { jokesEnabled: true } });
    expect(change.status).toBe(403);
    expect((await t.call('POST', `/api/tenants/${tenantId}/members`, { token: staff, body: { email: newEmail(), role: 'staff' } })).status).toBe(403);
    // Staff see the team, read-only.
    list = await json<MemberList>(await t.call('GET', `/api/tenants/${tenantId}/members`, { token: staff }));
    expect(list.members.map((m) => m.email).sort()).toEqual([ownerEmail, staffEmail].sort());
    expect(list.invites).toEqual([]);

    // The owner removes staff: the very next request is refused.
    const removed = await t.call('DELETE', `/api/tenants/${tenantId}/members/${staffAccepted.user.id}`, { token: owner });
    expect(removed.status).toBe(200);
    expect([401, 403]).toContain((await t.call('GET', `/api/tenants/${tenantId}/phone-settings`, { token: staff })).status);
    expect([401, 403]).toContain((await t.call('GET', `/api/tenants/${tenantId}/calls`, { token: staff })).status);

    // Every change is in the audit log, with no token in it.
    const audit = await t.adminSql('SELECT actor_user_id, action, before, after FROM audit_log WHERE tenant_id = $1 ORDER BY id', [tenantId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['tenant.created', 'member.invited', 'member.joined', 'member.invited', 'member.joined', 'member.removed']);
    expect(audit.rows[5]).toMatchObject({ before: { userId: staffAccepted.user.id, email: staffEmail, role: 'staff' }, after: null });
    const everything = JSON.stringify(audit.rows);
    expect(everything).not.toContain(inviteToken);
    expect(everything).not.toContain(staffToken);
  });

  it('the platform owner can invite an owner for an existing tenant from the registry', async () => {
    const id = uniqueId('later');
    expect((await t.call('POST', '/api/admin/tenants', { token: platform, body: { id, businessName: 'Later Owner Co', tier: 'starter' } })).status).toBe(201);
    const email = newEmail('late-owner');
    const r = await t.call('POST', `/api/admin/tenants/${id}/owner-invites`, { token: platform, body: { email } });
    expect(r.status).toBe(201);
    await tokenMailedTo(t, email, { tenantId: id });
    const staff = await t.memberToken(id, 'staff');
    expect((await t.call('POST', `/api/admin/tenants/${id}/owner-invites`, { token: staff, body: { email: newEmail() } })).status).toBe(403);
    expect((await t.call('POST', `/api/admin/tenants/no-such-tenant/owner-invites`, { token: platform, body: { email: newEmail() } })).status).toBe(404);
  });

  it('an invite needs a valid email and a role of owner or staff, in field messages', async () => {
    const { tenantId, owner } = await tenantWithOwner();
    const bad = await t.call('POST', `/api/tenants/${tenantId}/members`, { token: owner, body: { email: 'not an email', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect(Object.keys((await json<ErrorBody>(bad)).error.fields ?? {}).sort()).toEqual(['email', 'role']);
  });
});

describe('pending invites: resend, revoke, duplicates', () => {
  it('resend mails a new link (the old one stops working); revoke ends it', async () => {
    const { tenantId, owner } = await tenantWithOwner();
    const email = newEmail('resend');
    const created = await json<{ invite: { id: string } }>(await t.call('POST', `/api/tenants/${tenantId}/members`, { token: owner, body: { email, role: 'staff' } }));
    const first = await tokenMailedTo(t, email, { tenantId });

    const again = await t.call('POST', `/api/tenants/${tenantId}/members`, { token: owner, body: { email, role: 'staff' } });
    expect(again.status).toBe(409);
    expect((await json<ErrorBody>(again)).error.message).toMatch(/resend/i);

    expect((await t.call('POST', `/api/tenants/${tenantId}/members/invites/${created.invite.id}/resend`, { token: owner })).status).toBe(200);
    const second = await tokenMailedTo(t, email, { tenantId, after: 1 });
    expect(second).not.toBe(first);
    expect(await mailCount(t, email, tenantId)).toBe(2);
    expect((await t.call('POST', '/api/invites/accept', { body: { token: first, name: 'X', password: GOOD_PASSWORD } })).status).toBeGreaterThanOrEqual(400);

    expect((await t.call('DELETE', `/api/tenants/${tenantId}/members/invites/${created.invite.id}`, { token: owner })).status).toBe(200);
    const refused = await t.call('POST', '/api/invites/accept', { body: { token: second, name: 'X', password: GOOD_PASSWORD } });
    expect(refused.status).toBe(410);
    const list = await json<MemberList>(await t.call('GET', `/api/tenants/${tenantId}/members`, { token: owner }));
    expect(list.invites).toEqual([]);
    const audit = await t.adminSql("SELECT action FROM audit_log WHERE tenant_id = $1 AND action LIKE 'member.invite%' ORDER BY id", [tenantId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['member.invited', 'member.invited', 'member.invite_resent', 'member.invite_revoked']);
  });

  it('an existing member cannot be invited again (409), and another business cannot touch this one’s invites (404)', async () => {
    const a = await tenantWithOwner();
    const b = await tenantWithOwner();
    const again = await t.call('POST', `/api/tenants/${a.tenantId}/members`, { token: a.owner, body: { email: a.ownerEmail.toUpperCase(), role: 'staff' } });
    expect(again.status).toBe(409);
    const invite = await json<{ invite: { id: string } }>(await t.call('POST', `/api/tenants/${a.tenantId}/members`, { token: a.owner, body: { email: newEmail(), role: 'staff' } }));
    expect((await t.call('DELETE', `/api/tenants/${b.tenantId}/members/invites/${invite.invite.id}`, { token: b.owner })).status).toBe(404);
    expect((await t.call('POST', `/api/tenants/${b.tenantId}/members/invites/${invite.invite.id}/resend`, { token: b.owner })).status).toBe(404);
  });
});

