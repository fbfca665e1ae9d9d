import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ROOT_TENANT_ID } from '../../domain/tenancy.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import type { AppEnv, SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { liveSession } from './sessions.ts';
import { refuseWritesWhileViewing, viewingAsOwner } from './view-as.ts';
import { sessionKey } from './tokens.ts';

export const SESSION_COOKIE = 'servicepro_session';

export async function loadSessionUser(db: PrismaClient, userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { tenant: { include: { config: true } } } } },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    // The platform owner is the owner of the root tenant.
    isPlatformOwner: user.memberships.some((m) => m.tenantId === ROOT_TENANT_ID && m.role === 'owner'),
    // The status tells the web app where an owner lands: a business still being set up opens its wizard.
    memberships: user.memberships.map((m) => ({ tenantId: m.tenantId, role: m.role, businessName: m.tenant.config?.businessName ?? m.tenantId, status: m.tenant.config?.status ?? 'onboarding' })),
    viewingAs: null,
  };
}

export const bearerToken = (c: Context) => c.req.header('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];

/**
 * Who may do what, in one place. `platform-owner`: the root tenant's owner only. `tenant-member`:
 * a member of the `:tenantId` in the path (or the platform owner); `roles` narrows to those roles.
 */
export type AccessRule = { kind: 'signed-in' } | { kind: 'platform-owner' } | { kind: 'tenant-member'; roles?: readonly ('owner' | 'staff')[] };

/**
 * The bearer token proves who is asking. The session cookie counts only where `sessionCookie` is
 * set: the Temporal UI's codec calls, which a browser makes from another origin and cannot give a
 * bearer token. Everywhere else a cookie alone is not enough, so no other site can make a
 * signed-in browser change anything (no CSRF surface).
 */
export function requireAccess(rule: AccessRule, options: { sessionCookie?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { db, masterKey } = c.get('deps');
    // With "pass the user access token" on, the Temporal UI sends its own sign-in token as a
    // bearer: not ours, so the cookie still gets its turn.
    const tokens = [bearerToken(c), options.sessionCookie ? getCookie(c, SESSION_COOKIE) : undefined].filter((t): t is string => Boolean(t));
    let session = null;
    for (const token of tokens) {
      session = await liveSession(db, sessionKey(masterKey), token);
      if (session) break;
    }
    const signedIn = session ? await loadSessionUser(db, session.userId) : null;
    if (!session || !signedIn) throw new ApiError(401, 'unauthenticated', 'Please sign in: the session is missing or has expired.');
    // A "view as owner" session is that tenant's owner, read only: it refuses every write here, whatever the route.
    const user = session.viewAsTenantId ? await viewingAsOwner(db, signedIn, session.viewAsTenantId) : signedIn;
    if (user.viewingAs) refuseWritesWhileViewing(c.req.method, user.viewingAs);
    c.set('user', user);
    checkAccess(user, rule, c.req.param('tenantId'));
    await next();
  });
}

/** Throws the 403 when the signed-in `user` may not do what `rule` guards (for the business `tenantId`). */
export function checkAccess(user: SessionUser, rule: AccessRule, tenantId: string | undefined): void {
  if (rule.kind === 'platform-owner' && !user.isPlatformOwner) {
    throw new ApiError(403, 'forbidden', 'Only the platform owner can do this.');
  }
  if (rule.kind === 'tenant-member' && !user.isPlatformOwner) {
    const membership = user.memberships.find((m) => m.tenantId === tenantId);
    if (!membership || (rule.roles && !rule.roles.includes(membership.role))) {
      throw new ApiError(403, 'forbidden', 'Your account does not have access to this business.');
    }
  }
}
