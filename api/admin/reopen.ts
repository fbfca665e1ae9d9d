import { signalTenantReopened } from '../../workers/client/tenant-billing.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { findTenant, toView, withConfig } from './tenant-view.ts';

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Reopens a closed tenant whose data is still kept (not purged). Its Stripe subscription ended at
 * the closing, so it comes back suspended — every record, its number and its logins as they were —
 * and its billing life carries on from there with a new retention window. (A new subscription is
 * not started here: today's billing resumes a paused one, not one that was cancelled.)
 */
export async function reopenTenant(deps: AppDeps, id: string, actorUserId: string) {
  const { db, temporal, config, logger } = deps;
  const view = (row: Parameters<typeof toView>[0]) => toView(row, config.TEMPORAL_UI_URL, config.TEMPORAL_NAMESPACE);
  const before = await findTenant(db, id);
  const name = before.config!.businessName;
  if (before.purgedAt) {
    throw new ApiError(
      409,
      'tenant_purged',
      `${name} cannot be reopened: its retention window ended and its business data was deleted on ${day(before.purgedAt)}, after a final export. The final export can still be downloaded; to start again, create a new tenant.`,
    );
  }
  if (!before.closedAt) throw new ApiError(409, 'not_closed', `${name} is not closed, so there is nothing to reopen.`);

  const after = await db.$transaction(async (tx) => {
    // Only while still closed and unpurged: a purge that finished a moment ago wins.
    const { count } = await tx.tenant.updateMany({ where: { id, closedAt: { not: null }, purgedAt: null }, data: { closedAt: null } });
    if (count === 0) throw new ApiError(409, 'conflict', `${name} changed a moment ago; reload the registry and try again.`);
    await tx.tenantConfig.update({ where: { tenantId: id }, data: { status: 'suspended' } });
    const reopened = await tx.tenant.findUniqueOrThrow({ where: { id }, include: withConfig });
    await tx.auditLog.create({ data: { actorUserId, tenantId: id, action: 'tenant.reopened', before: view(before), after: view(reopened) } });
    return reopened;
  });
  await signalTenantReopened(temporal, id).catch((error: Error) =>
    logger.warn({ err: error, tenantId: id }, 'billing workflow not told of the reopening; it will be reconciled'),
  );
  return view(after);
}
