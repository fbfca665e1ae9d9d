import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { bearerToken } from './session.ts';
import { endSession } from './sessions.ts';
import { readToken, sessionKey } from './tokens.ts';

/**
 * `DELETE /api/view-as`: "Stop viewing". Ends the read-only view the bearer token is, and only
 * that: unlike signing out it never touches the session cookie, which is the platform owner's
 * own session. A token that is not a view changes nothing. Always 200.
 */
export function viewAsRoutes() {
  return new Hono<AppEnv>().delete('/', async (c) => {
    const { db, masterKey } = c.get('deps');
    const token = bearerToken(c);
    const claims = token ? await readToken(sessionKey(masterKey), token) : null;
    const session = claims ? await db.session.findUnique({ where: { id: claims.sessionId }, select: { userId: true, viewAsTenantId: true, revokedAt: true } }) : null;
    if (claims && session?.viewAsTenantId && session.userId === claims.userId && !session.revokedAt) {
      await endSession(db, claims.sessionId);
      await db.auditLog.create({ data: { actorUserId: claims.userId, tenantId: session.viewAsTenantId, action: 'tenant.view_as_ended', after: { sessionId: claims.sessionId } } });
    }
    return c.json({ ok: true });
  });
}
