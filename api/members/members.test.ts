import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { GOOD_PASSWORD, invitedMember, mailCount, newEmail, tokenMailedTo } from '../../tests/account-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { randomNumber } from '../../tests/tenant-fixtures.ts';

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

/** A new tenant with a phone number, created by the platform owner with an owner invite to `ownerEmail`. */
async function tenantWithOwnerInvite(ownerEmail: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = uniqueId('team');
    const r = await t.call('POST', '/api/admin/tenants', { token: platform, body: { id, businessName: `Team ${id}`, tier: 'pro', phoneNumber: randomNumber(), ownerEmail } });
    if (r.status === 409) continue; // the random number was taken
    expect(r.status).toBe(201);
    return { id, body: await json<{ tenant: { id: string }; ownerInvite: { email: string; role: string } }>(r) };
  }
  throw new Error('no free phone number after 10 tries');
}

/** A new tenant whose owner accepted the invite: the owner's session. */
async function tenantWithOwner() {
  const email = newEmail('owner');
  const { id } = await tenantWithOwnerInvite(email);
  const token = await tokenMailedTo(t, email, { tenantId: id });
  const accepted = await t.call('POST', '/api/invites/accept', { body: { token, name: 'Olive Owner', password: GOOD_PASSWORD } });
  expect(accepted.status).toBe(200);
  const { token: session, user } = await json<{ token: string; user: { id: string } }>(accepted);
  return { tenantId: id, owner: session, ownerId: user.id, ownerEmail: email };
}

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

  it('staff cannot invite an owner, and an owner invite needs a valid email and role', async () => {
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
