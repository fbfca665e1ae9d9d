import type { PrismaClient } from '../../prisma/client.ts';
import { issueToken, readToken, type TokenClaims } from './tokens.ts';

// Server-side sessions: a token is only as good as its `sessions` row. Signing out revokes the
// row, so a copied token stops working at once instead of at its expiry.

/** Records a session for the user and returns its signed token; both expire together. */
export async function startSession(db: PrismaClient, key: Uint8Array, options: { userId: string; ttlHours: number; userAgent?: string; viewAsTenantId?: string }) {
  const expiresAt = new Date(Date.now() + options.ttlHours * 3_600_000);
  // Whole seconds: the token's exp has no milliseconds, and the row must not outlive it.
  expiresAt.setMilliseconds(0);
  const userAgent = options.userAgent?.replace(/\0/g, '').slice(0, 300) || null;
  const session = await db.session.create({ data: { userId: options.userId, expiresAt, userAgent, viewAsTenantId: options.viewAsTenantId }, select: { id: true } });
  // Rows of this user's long-over sessions go as new ones come, so the table stays small.
  await db.session.deleteMany({ where: { userId: options.userId, expiresAt: { lt: new Date(Date.now() - 7 * 24 * 3_600_000) } } });
  const token = await issueToken(key, { userId: options.userId, sessionId: session.id, expiresAt });
  return { token, expiresAt, sessionId: session.id };
}

/**
 * The claims of a token whose session is live (exists, this user's, not revoked, not expired); else
 * null. `viewAsTenantId`: a platform owner's read-only "view as owner" session of that tenant.
 */
export async function liveSession(db: PrismaClient, key: Uint8Array, token: string): Promise<(TokenClaims & { viewAsTenantId: string | null }) | null> {
  const claims = await readToken(key, token);
  if (!claims) return null;
  const session = await findLiveSession(db, claims);
  return session ? { ...claims, viewAsTenantId: session.viewAsTenantId } : null;
}

/** Whether the session exists, is this user's, and is neither revoked nor expired (also for credentials derived from it). */
export async function sessionIsLive(db: PrismaClient, claims: TokenClaims): Promise<boolean> {
  return (await findLiveSession(db, claims)) !== null;
}

async function findLiveSession(db: PrismaClient, claims: TokenClaims) {
  const session = await db.session.findUnique({ where: { id: claims.sessionId }, select: { userId: true, revokedAt: true, expiresAt: true, viewAsTenantId: true } });
  return session && session.userId === claims.userId && !session.revokedAt && session.expiresAt > new Date() ? session : null;
}

/** Signs one session out. Harmless when it is already over. */
export async function endSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Signs the user out everywhere (a password reset, a removed account); returns how many sessions ended. */
export async function endAllSessions(db: PrismaClient, userId: string): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
