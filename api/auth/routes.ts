import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { rateLimiter } from 'hono-rate-limiter';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { ApiError, errorBody, validationFailed } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { loadSessionUser, requireAccess, SESSION_COOKIE } from './session.ts';
import { issueToken, sessionKey } from './tokens.ts';

const loginBody = z.object({
  email: z.email('Enter the email address you sign in with').transform((e) => e.toLowerCase()),
  password: z.string().min(1, 'Enter your password'),
});

// Verifying against a throwaway hash when the email is unknown keeps the timing the same,
// so a login attempt cannot tell which emails have accounts.
const decoyHash = hashPassword('servicepro-decoy-password');

export function authRoutes(options: { loginAttemptsPerWindow?: number; windowMs?: number } = {}) {
  const limitLogins = rateLimiter<AppEnv>({
    windowMs: options.windowMs ?? 15 * 60_000,
    limit: options.loginAttemptsPerWindow ?? 10,
    standardHeaders: 'draft-7',
    // Per client address and account, so one noisy office does not lock everyone out.
    keyGenerator: async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { email?: unknown };
      const ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
      return `${ip}|${String(body.email ?? '').toLowerCase()}`;
    },
    handler: (c) => c.json(errorBody('rate_limited', 'Too many sign-in attempts. Wait 15 minutes, then try again.'), 429),
  });

  return new Hono<AppEnv>()
    .post(
      '/login',
      limitLogins,
      zValidator('json', loginBody, (result) => {
        if (!result.success) throw validationFailed(result.error as z.ZodError);
      }),
      async (c) => {
        const { db, masterKey, config } = c.get('deps');
        const { email, password } = c.req.valid('json');
        const user = await db.user.findUnique({ where: { email } });
        const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
        if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'That email and password do not match an account.');

        const { token, expiresAt } = await issueToken(sessionKey(masterKey), user.id, config.SESSION_TTL_HOURS);
        // The cookie lets the Temporal UI's codec requests (same site, other port) prove who is asking.
        setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', expires: expiresAt, secure: config.PUBLIC_BASE_URL.startsWith('https:') });
        c.get('logger').info({ userId: user.id }, 'signed in');
        return c.json({ token, expiresAt: expiresAt.toISOString(), user: await loadSessionUser(db, user.id) });
      },
    )
    .get('/me', requireAccess({ kind: 'signed-in' }), (c) => c.json({ user: c.get('user') }))
    .post('/logout', (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    });
}
