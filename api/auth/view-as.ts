import type { PrismaClient } from '../../prisma/client.ts';
import type { SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';

// "View as owner": the platform owner sees one tenant's area as its owner does, to help them. The
// session (sessions.view_as_tenant_id) makes the user that tenant's owner and nothing else — not
// the platform owner, no other business — and requireAccess refuses every request that is not a
// read, so the view cannot change anything even if a page offers a button.

/** How long a view lasts before the platform owner must start another (each start is audited). */
export const VIEW_AS_TTL_HOURS = 1;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function viewingAsOwner(db: PrismaClient, user: SessionUser, tenantId: string): Promise<SessionUser> {
  const config = await db.tenantConfig.findUnique({ where: { tenantId }, select: { businessName: true, status: true } });
  const businessName = config?.businessName ?? tenantId;
  return { ...user, isPlatformOwner: false, memberships: [{ tenantId, role: 'owner', businessName, status: config?.status ?? 'onboarding' }], viewingAs: { tenantId, businessName } };
}

export function refuseWritesWhileViewing(method: string, viewingAs: NonNullable<SessionUser['viewingAs']>) {
  if (READS.has(method.toUpperCase())) return;
  throw new ApiError(403, 'read_only', `You are viewing ${viewingAs.businessName} as its owner — read only, so nothing can be changed. Stop viewing to work as yourself again.`);
}
