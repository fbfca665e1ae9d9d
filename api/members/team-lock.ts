import type { Prisma } from '../../prisma/client.ts';
import type { SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';

// Every change to a business's team (invites, joins, removals, role changes) runs in a transaction
// that first locks the business's `tenants` row. Changes to one team then happen one at a time, so
// "is this the last owner?" and "is there a pending invite already?" stay true until the change
// commits: two owners removing each other at once cannot leave the business with none.

export type Tx = Prisma.TransactionClient;

/** Locks the business's team for the rest of the transaction; 404 when there is no such business. */
export async function lockTeam(tx: Tx, tenantId: string): Promise<{ closed: boolean }> {
  const rows = await tx.$queryRaw<{ closed_at: Date | null }[]>`SELECT closed_at FROM tenants WHERE id = ${tenantId} FOR UPDATE`;
  if (rows.length === 0) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  return { closed: rows[0]!.closed_at !== null };
}

export const ownerCount = (tx: Tx, tenantId: string) => tx.membership.count({ where: { tenantId, role: 'owner' } });

/**
 * The actor may still change this team, checked under the lock: requireAccess saw them as an
 * owner, but a change that committed while this one waited may have removed or demoted them.
 */
export async function stillOwner(tx: Tx, tenantId: string, actor: SessionUser): Promise<void> {
  if (actor.isPlatformOwner) return;
  const membership = await tx.membership.findUnique({ where: { userId_tenantId: { userId: actor.id, tenantId } }, select: { role: true } });
  if (membership?.role !== 'owner') throw new ApiError(403, 'forbidden', 'You are no longer an owner of this business.');
}

/** An entry of the audit log for this team: who, what, before and after (never a token). */
export const auditTeam = (tx: Tx, entry: { actorUserId: string; tenantId: string; action: string; before?: object | null; after?: object | null }) =>
  tx.auditLog.create({ data: { actorUserId: entry.actorUserId, tenantId: entry.tenantId, action: entry.action, before: entry.before ?? undefined, after: entry.after ?? undefined } });
