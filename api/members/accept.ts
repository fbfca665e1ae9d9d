import { Hono } from 'hono';
import { acceptInviteInput, invitePreviewInput, newAccountForm } from '../../domain/inputs/accounts.ts';
import { hashPassword, verifyPassword } from '../../domain/passwords.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { validated } from '../validated.ts';
import { throttleTokenAttempts, type AccountLimits } from '../auth/account-throttle.ts';
import { signIn } from '../auth/sign-in.ts';
import { hashLinkToken } from './link-tokens.ts';
import { auditTeam, lockTeam } from './team-lock.ts';

// `/api/invites`: what the emailed link opens. No sign-in: the link's token is the proof. Someone
// new sets a name and password; someone who already has an account (any business) confirms with
// their current password, so a stolen invite link cannot take over an existing account.

/** The invite a link's token names, if it still works; else a 400/410 that says what to do. */
async function usableInvite(db: AppDeps['db'], token: string) {
  const invite = await db.invite.findUnique({ where: { tokenHash: hashLinkToken(token) }, include: { tenant: { include: { config: true } } } });
  if (!invite) throw new ApiError(400, 'invite_invalid', 'This invite link is not valid. Open the newest invite email, or ask the business owner to send a new invite.');
  if (invite.acceptedAt) throw new ApiError(410, 'invite_used', 'This invite has been accepted already. Sign in with your email and password.');
  if (invite.revokedAt) throw new ApiError(410, 'invite_revoked', 'This invite was withdrawn. Ask the business owner to send a new invite if you should have access.');
  if (invite.expiresAt <= new Date()) throw new ApiError(410, 'invite_expired', 'This invite link has expired. Ask the business owner to send you a new invite.');
  return invite;
}

export function inviteRoutes(limits: AccountLimits, tokenThrottle = throttleTokenAttempts(limits)) {
  return new Hono<AppEnv>()
    .use('/preview', tokenThrottle)
    .use('/accept', tokenThrottle)
    .post('/preview', validated('json', invitePreviewInput), async (c) => {
      const { db } = c.get('deps');
      const invite = await usableInvite(db, c.req.valid('json').token);
      const account = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
      return c.json({
        invite: { tenantId: invite.tenantId, businessName: invite.tenant.config?.businessName ?? invite.tenantId, email: invite.email, role: invite.role, expiresAt: invite.expiresAt.toISOString(), hasAccount: account !== null },
      });
    })
    .post('/accept', validated('json', acceptInviteInput), async (c) => {
      const { db } = c.get('deps');
      const body = c.req.valid('json');
      const invite = await usableInvite(db, body.token);
      const existing = await db.user.findUnique({ where: { email: invite.email } });
      let passwordHash: string | null = null;
      if (existing) {
        if (!(await verifyPassword(existing.passwordHash, body.password))) {
          throw new ApiError(401, 'invalid_credentials', `${invite.email} already has a ServicePro account: enter its current password to join. Forgot it? Reset it from the sign-in page.`, { password: 'Not the password of your account' });
        }
      } else {
        const checked = newAccountForm.safeParse({ name: body.name, password: body.password });
        if (!checked.success) throw validationFailed(checked.error);
        passwordHash = await hashPassword(checked.data.password);
      }

      const userId = await db.$transaction(async (tx) => {
        const team = await lockTeam(tx, invite.tenantId);
        if (team.closed) throw new ApiError(410, 'tenant_closed', `${invite.tenant.config?.businessName ?? 'This business'} has closed its ServicePro account, so the invite no longer works.`);
        // Under the lock: a second click of the same link (or a revoke) that committed first wins.
        const taken = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date() } });
        if (taken.count === 0) throw new ApiError(410, 'invite_used', 'This invite has been used or withdrawn meanwhile. Sign in, or ask for a new invite.');
        const user = existing ?? (await tx.user.create({ data: { email: invite.email, name: body.name!.trim(), passwordHash: passwordHash! } }));
        const membership = await tx.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId: invite.tenantId } } });
        // An invite never demotes: an owner invited as staff stays owner.
        const role = membership?.role === 'owner' ? 'owner' : invite.role;
        await tx.membership.upsert({ where: { userId_tenantId: { userId: user.id, tenantId: invite.tenantId } }, create: { userId: user.id, tenantId: invite.tenantId, role }, update: { role } });
        await tx.invite.update({ where: { id: invite.id }, data: { acceptedBy: user.id } });
        await auditTeam(tx, { actorUserId: user.id, tenantId: invite.tenantId, action: 'member.joined', before: membership ? { userId: user.id, role: membership.role } : null, after: { userId: user.id, email: invite.email, role, inviteId: invite.id, newAccount: !existing } });
        return user.id;
      });
      return c.json({ ...(await signIn(c, userId)), tenantId: invite.tenantId });
    });
}
