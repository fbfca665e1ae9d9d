import { Hono } from 'hono';
import { accountLinks, passwordResetMail, withoutToken } from '../../domain/account-mail.ts';
import { passwordResetConfirmInput, passwordResetRequestInput } from '../../domain/inputs/accounts.ts';
import { hashPassword } from '../../domain/passwords.ts';
import { ROOT_TENANT_ID } from '../../domain/tenancy.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { startAccountMail } from '../../workers/client/account-mail.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { hashLinkToken, newLinkToken } from '../members/link-tokens.ts';
import { throttleResetRequests, throttleTokenAttempts, type AccountLimits } from './account-throttle.ts';

// `/api/auth/password-reset`: a link by email, then a new password. Platform mail (it belongs to no
// one business) is recorded in the root tenant's outbox, root being the platform's own business.

type Deps = Pick<AppDeps, 'db' | 'temporal' | 'config' | 'logger'>;

/** Records a new reset link for the account with this email (retiring older ones) and mails it; nothing when there is none. */
async function mailResetLink(deps: Deps, email: string): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + deps.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
  const reset = await deps.db.$transaction(async (tx) => {
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    return tx.passwordReset.create({ data: { userId: user.id, tokenHash: hash, expiresAt } });
  });
  const mail = passwordResetMail({ link: accountLinks.passwordReset(deps.config.PUBLIC_BASE_URL, token), expiresAt });
  await startAccountMail(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, workflowIds.passwordResetMail(reset.id), {
    tenantId: ROOT_TENANT_ID,
    to: email,
    subject: mail.subject,
    text: mail.text,
    storedText: withoutToken(mail.text),
    idempotencyKey: `password-reset:${reset.id}`,
  });
}

export function passwordResetRoutes(limits: AccountLimits, tokenThrottle = throttleTokenAttempts(limits)) {
  return new Hono<AppEnv>()
    .use('/', ...throttleResetRequests(limits))
    .use('/confirm', tokenThrottle)
    // 202 at once, whether or not the email has an account: the lookup and the mail happen after the
    // answer, so neither the body nor the time taken tells which emails are registered.
    .post('/', validated('json', passwordResetRequestInput), (c) => {
      const deps = c.get('deps');
      const { email } = c.req.valid('json');
      void mailResetLink(deps, email).catch((error: Error) => c.get('logger').error({ err: error }, 'could not send a password-reset link'));
      return c.json({ ok: true, message: 'If an account uses that email, a link to choose a new password is on its way. It works for a short while, once.' }, 202);
    })
    .post('/confirm', validated('json', passwordResetConfirmInput), async (c) => {
      const { db, logger } = c.get('deps');
      const { token, password } = c.req.valid('json');
      const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashLinkToken(token) } });
      if (!reset) throw new ApiError(400, 'reset_invalid', 'This reset link is not valid. Ask for a new one from the sign-in page ("Forgot your password?").');
      if (reset.usedAt) throw new ApiError(410, 'reset_used', 'This reset link has been used or replaced by a newer one. Use the newest email, or ask for a new link.');
      if (reset.expiresAt <= new Date()) throw new ApiError(410, 'reset_expired', 'This reset link has expired. Ask for a new link from the sign-in page and use it within the hour.');
      const passwordHash = await hashPassword(password);
      const ended = await db.$transaction(async (tx) => {
        const taken = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
        if (taken.count === 0) throw new ApiError(410, 'reset_used', 'This reset link has just been used. Sign in with the new password.');
        await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
        // Every session ends: whoever knew the old password is signed out everywhere.
        const sessions = await tx.session.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: new Date() } });
        return sessions.count;
      });
      logger.info({ userId: reset.userId, sessionsEnded: ended }, 'password reset');
      return c.json({ ok: true, message: 'Your password is changed and you are signed out everywhere. Sign in with the new password.' });
    });
}
