import { NOT_PROVISIONED_STATUSES } from '../../../domain/tenancy.ts';
import type { Membership, User } from '../api/types.ts';

/**
 * The owner of a business still being set up (or whose setup failed and can be finished again)
 * belongs in its wizard: the dashboard of a business with no number or site yet is empty.
 * An expired setup has nothing left to finish.
 */
export function setupPending(membership: Pick<Membership, 'role' | 'status'>): boolean {
  return membership.role === 'owner' && (NOT_PROVISIONED_STATUSES as readonly string[]).includes(membership.status) && membership.status !== 'expired';
}

/** Where a user lands after signing in with no page asked for. */
export function homeFor(user: User): string {
  if (user.isPlatformOwner) return '/admin/tenants';
  // A member of one business lands in it (its setup, while that is not finished); members of several pick one on /app.
  const [only, ...others] = user.memberships;
  if (!only || others.length > 0) return '/app';
  const home = `/t/${encodeURIComponent(only.tenantId)}`;
  return setupPending(only) ? `${home}/setup` : home;
}
