import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { DEFAULT_LOGIN_LIMITS, throttleLogins, type LoginLimits } from './login-throttle.ts';
import { hashPassword, verifyPassword } from '../../domain/passwords.ts';
import { bearerToken, requireAccess, SESSION_COOKIE } from './session.ts';
import { endSession } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { readToken, sessionKey } from './tokens.ts';

const loginBody = z.object(
  {
    email: z.email('Enter the email address you sign in with').transform((e) => e.toLowerCase()),
    password: z.string().min(1, 'Enter your password'),
  },
  { error: 'Send a JSON object: { "email": "…", "password": "…" }' },
);

// Verifying against a throwaway hash when the email is unknown keeps the timing the same,
// so a login attempt cannot tell which emails have accounts.
const decoyHash = hashPassword('servicepro-decoy-password');

export function authRoutes(options: { loginLimits?: Partial<LoginLimits> } = {}) {
  const limits = { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits };

  return new Hono<AppEnv>()
    .use('/login', ...throttleLogins(limits))
    .post(
      '/login',
      validated('json', loginBody),
      async (c) => {
        const { db } = c.get('deps');
        const { email, password } = c.req.valid('json');
        const user = await db.user.findUnique({ where: { email } });
        const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
        if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'That email and password do not match an account.');
        return c.json(await signIn(c, user.id));
      },
    )
    .get('/me', requireAccess({ kind: 'signed-in' }), (c) => c.json({ user: c.get('user') }))
    // Ends the session of the token it is called with (bearer, or the cookie), server-side: that
    // token stops working everywhere at once. Always 200, so signing out never fails for the user.
    .post('/logout', async (c) => {
      const { db, masterKey, config } = c.get('deps');
      const key = sessionKey(masterKey);
      for (const token of [bearerToken(c), getCookie(c, SESSION_COOKIE)]) {
        const claims = token ? await readToken(key, token) : null;
        if (claims) await endSession(db, claims.sessionId);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: config.PUBLIC_BASE_URL.startsWith('https:') });
      return c.json({ ok: true });
    });
}
