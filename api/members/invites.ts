import { accountLinks, inviteMail, withoutToken } from '../../domain/account-mail.ts';
import type { MemberRole } from '../../domain/inputs/members.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { InviteModel } from '../../prisma/client.ts';
import { startAccountMail } from '../../workers/client/account-mail.ts';
import type { AppDeps, SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { newLinkToken } from './link-tokens.ts';
import { auditTeam, lockTeam, stillOwner, type Tx } from './team-lock.ts';

// Invitations to a business: made by its owners (staff) or the platform owner (an owner), each a
// single-use link mailed by the accountMail workflow. Resending mails a fresh link and retires the
// old one; revoking retires it.

type Deps = Pick<AppDeps, 'db' | 'temporal' | 'config' | 'logger'>;

export function inviteView(invite: InviteModel, now = new Date()) {
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    invitedAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    expired: invite.expiresAt <= now,
  };
}
export type InviteView = ReturnType<typeof inviteView> & { mailQueued?: boolean };

const pending = { acceptedAt: null, revokedAt: null } as const;
const expiry = (deps: Deps) => new Date(Date.now() + deps.config.INVITE_TTL_HOURS * 3_600_000);
const auditable = (invite: InviteModel) => ({ inviteId: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt.toISOString() });

/** The invites of a business still waiting for an answer (expired ones too, so they can be resent). */
export async function pendingInvites(deps: Pick<Deps, 'db'>, tenantId: string) {
  const rows = await deps.db.invite.findMany({ where: { tenantId, ...pending }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => inviteView(row));
}

/** Invites `email` to the business as `role`, and mails the link. */
export async function inviteMember(deps: Deps, input: { tenantId: string; email: string; role: MemberRole; actor: SessionUser }): Promise<InviteView> {
  const { tenantId, email, role, actor } = input;
  const { token, hash } = newLinkToken();
  const invite = await deps.db.$transaction(async (tx) => {
    const team = await lockTeam(tx, tenantId);
    if (team.closed) throw new ApiError(409, 'tenant_closed', 'This business is closed: nobody new can join it.');
    await stillOwner(tx, tenantId, actor);
    const member = await tx.membership.findFirst({ where: { tenantId, user: { email } }, select: { role: true } });
    if (member) throw new ApiError(409, 'already_member', `${email} is already on this team (${member.role}). Change their role in the list instead.`, { email: 'Already on this team' });
    const waiting = await tx.invite.findFirst({ where: { tenantId, email, ...pending } });
    if (waiting && waiting.expiresAt > new Date()) {
      throw new ApiError(409, 'already_invited', `${email} has been invited already. Use Resend on the pending invite to mail a new link.`, { email: 'Already invited: resend the pending invite' });
    }
    if (waiting) await tx.invite.update({ where: { id: waiting.id }, data: { revokedAt: new Date() } });
    const created = await tx.invite.create({ data: { tenantId, email, role, tokenHash: hash, invitedBy: actor.id, expiresAt: expiry(deps) } });
    await auditTeam(tx, { actorUserId: actor.id, tenantId, action: 'member.invited', after: auditable(created) });
    return created;
  });
  return { ...inviteView(invite), mailQueued: await mailInvite(deps, invite, token, actor) };
}

/** Pending invite `inviteId` of this business, under the team lock; 404 when there is none. */
async function pendingInvite(tx: Tx, tenantId: string, inviteId: string) {
  const invite = await tx.invite.findFirst({ where: { id: inviteId, tenantId, ...pending } });
  if (!invite) throw new ApiError(404, 'not_found', 'There is no pending invite like that for this business (it may have been accepted or revoked).');
  return invite;
}

/** A new link (and a new expiry) for a pending invite; the old link stops working. */
export async function resendInvite(deps: Deps, input: { tenantId: string; inviteId: string; actor: SessionUser }): Promise<InviteView> {
  const { token, hash } = newLinkToken();
  const invite = await deps.db.$transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    await stillOwner(tx, input.tenantId, input.actor);
    const before = await pendingInvite(tx, input.tenantId, input.inviteId);
    const after = await tx.invite.update({ where: { id: before.id }, data: { tokenHash: hash, expiresAt: expiry(deps), sendCount: { increment: 1 } } });
    await auditTeam(tx, { actorUserId: input.actor.id, tenantId: input.tenantId, action: 'member.invite_resent', before: auditable(before), after: auditable(after) });
    return after;
  });
  return { ...inviteView(invite), mailQueued: await mailInvite(deps, invite, token, input.actor) };
}

export async function revokeInvite(deps: Pick<Deps, 'db'>, input: { tenantId: string; inviteId: string; actor: SessionUser }): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    await stillOwner(tx, input.tenantId, input.actor);
    const invite = await pendingInvite(tx, input.tenantId, input.inviteId);
    await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await auditTeam(tx, { actorUserId: input.actor.id, tenantId: input.tenantId, action: 'member.invite_revoked', before: auditable(invite) });
  });
}

/**
 * Starts the mail of this sending of the invite. False when Temporal would not take it: the invite
 * is saved all the same, and Resend tries again.
 */
async function mailInvite(deps: Deps, invite: InviteModel, token: string, actor: SessionUser): Promise<boolean> {
  const config = await deps.db.tenantConfig.findUnique({ where: { tenantId: invite.tenantId }, select: { businessName: true } });
  const mail = inviteMail({ businessName: config?.businessName ?? invite.tenantId, role: invite.role, link: accountLinks.invite(deps.config.PUBLIC_BASE_URL, token), expiresAt: invite.expiresAt, invitedBy: actor.name });
  try {
    await startAccountMail(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, workflowIds.inviteMail(invite.tenantId, invite.id, invite.sendCount), {
      tenantId: invite.tenantId,
      to: invite.email,
      subject: mail.subject,
      text: mail.text,
      storedText: withoutToken(mail.text),
      idempotencyKey: `invite:${invite.id}:${invite.sendCount}`,
    });
    return true;
  } catch (error) {
    deps.logger.error({ err: error, tenantId: invite.tenantId, inviteId: invite.id }, 'could not queue the invite email');
    return false;
  }
}
