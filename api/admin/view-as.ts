import { VIEW_AS_TTL_HOURS } from '../auth/view-as.ts';
import { startSession } from '../auth/sessions.ts';
import { sessionKey } from '../auth/tokens.ts';
import type { AppDeps } from '../context.ts';
import { findTenant } from './tenant-view.ts';

/**
 * Starts the platform owner's read-only view of a tenant as its owner: a session of its own (the
 * platform owner's stays as it is), and an audit entry saying who, which tenant and when.
 */
export async function startViewAs(deps: AppDeps, tenantId: string, actorUserId: string, userAgent?: string) {
  const { db, masterKey, logger } = deps;
  const tenant = await findTenant(db, tenantId);
  const { token, expiresAt, sessionId } = await startSession(db, sessionKey(masterKey), { userId: actorUserId, ttlHours: VIEW_AS_TTL_HOURS, userAgent, viewAsTenantId: tenantId });
  await db.auditLog.create({ data: { actorUserId, tenantId, action: 'tenant.viewed_as_owner', after: { sessionId, expiresAt: expiresAt.toISOString(), readOnly: true } } });
  logger.info({ userId: actorUserId, tenantId }, 'viewing a tenant as its owner (read only)');
  return { token, expiresAt: expiresAt.toISOString(), viewingAs: { tenantId, businessName: tenant.config!.businessName } };
}
