import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';
import { loadSessionUser, SESSION_COOKIE } from './session.ts';
import { startSession } from './sessions.ts';
import { sessionKey } from './tokens.ts';

/**
 * Signs `userId` in on this request: a server-side session, its token, and the session cookie
 * (which only the Temporal UI's codec calls count). The answer of every way in — sign-in, accepting
 * an invite — so the web app treats them alike.
 */
export async function signIn(c: Context<AppEnv>, userId: string) {
  const { db, masterKey, config } = c.get('deps');
  const { token, expiresAt } = await startSession(db, sessionKey(masterKey), { userId, ttlHours: config.SESSION_TTL_HOURS, userAgent: c.req.header('user-agent') });
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', expires: expiresAt, secure: config.PUBLIC_BASE_URL.startsWith('https:') });
  c.get('logger').info({ userId }, 'signed in');
  return { token, expiresAt: expiresAt.toISOString(), user: await loadSessionUser(db, userId) };
}
