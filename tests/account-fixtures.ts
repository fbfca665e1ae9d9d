import { expect } from 'vitest';
import { ROOT_TENANT_ID } from '../domain/tenancy.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { TestApp } from './app-harness.ts';
import { uniqueId } from './stack.ts';
import { randomNumber } from './tenant-fixtures.ts';

// Accounts in tests: invites and password resets arrive by email (the outbox, as the local mailbox
// shows it), and the link's token is read from there — never from the database, which keeps only hashes.

export const newEmail = (prefix = 'person') => `${uniqueId(prefix)}@example.com`;
export const GOOD_PASSWORD = 'correct horse battery staple';

/** The token in the newest mail to `to` in the tenant's outbox (invites: the business; resets: root). */
export async function tokenMailedTo(t: TestApp, to: string, options: { tenantId?: string; subject?: RegExp; after?: number } = {}): Promise<string> {
  const tenantId = options.tenantId ?? ROOT_TENANT_ID;
  const newest = async () => {
    const rows = await forTenant(t.deps.db, tenantId).emailMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: 'desc' } });
    return rows.filter((row) => !options.subject || options.subject.test(row.subject));
  };
  let body = '';
  await expect
    .poll(
      async () => {
        const rows = await newest();
        if (rows.length <= (options.after ?? 0)) return null;
        body = rows[0]!.body;
        return body;
      },
      { timeout: 20_000 },
    )
    .not.toBeNull();
  const token = body.match(/#token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no link with a token in the mail to ${to}:\n${body}`);
  return token;
}

/** How many mails the tenant's outbox holds for `to`. */
export const mailCount = async (t: TestApp, to: string, tenantId = ROOT_TENANT_ID) => forTenant(t.deps.db, tenantId).emailMessage.count({ where: { toAddress: to } });

/** An owner (or staff) invited to `tenantId` by `token`'s user, who accepted: their session token and user id. */
export async function invitedMember(t: TestApp, inviterToken: string, tenantId: string, role: 'owner' | 'staff', email = newEmail(role)) {
  const invited = await t.call('POST', `/api/tenants/${tenantId}/members`, { token: inviterToken, body: { email, role } });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${await invited.text()}`);
  const inviteToken = await tokenMailedTo(t, email, { tenantId });
  const accepted = await t.call('POST', '/api/invites/accept', { body: { token: inviteToken, name: `Member ${role}`, password: GOOD_PASSWORD } });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);
  const { token, user } = (await accepted.json()) as { token: string; user: { id: string } };
  return { token, userId: user.id, email };
}

/** A new tenant with a phone number, created by the platform owner (`platformToken`) with an owner invite to `ownerEmail`. */
export async function tenantWithOwnerInvite(t: TestApp, platformToken: string, ownerEmail: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = uniqueId('team');
    const r = await t.call('POST', '/api/admin/tenants', { token: platformToken, body: { id, businessName: `Team ${id}`, tier: 'pro', phoneNumber: randomNumber(), ownerEmail } });
    if (r.status === 409) continue; // the random number was taken
    expect(r.status).toBe(201);
    return { id, body: (await r.json()) as { tenant: { id: string }; ownerInvite: { email: string; role: string } } };
  }
  throw new Error('no free phone number after 10 tries');
}

/** A new tenant whose owner (Olive Owner) accepted the invite: the owner's session, id and email. */
export async function tenantWithOwner(t: TestApp, platformToken: string) {
  const email = newEmail('owner');
  const { id } = await tenantWithOwnerInvite(t, platformToken, email);
  const token = await tokenMailedTo(t, email, { tenantId: id });
  const accepted = await t.call('POST', '/api/invites/accept', { body: { token, name: 'Olive Owner', password: GOOD_PASSWORD } });
  expect(accepted.status).toBe(200);
  const { token: session, user } = (await accepted.json()) as { token: string; user: { id: string } };
  return { tenantId: id, owner: session, ownerId: user.id, ownerEmail: email };
}
