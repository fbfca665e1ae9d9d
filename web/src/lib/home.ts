import type { User } from '../api/types.ts';

/** Where a user lands after signing in with no page asked for. */
export function homeFor(user: User): string {
  if (user.isPlatformOwner) return '/admin/tenants';
  // A member of one business lands in it; members of several pick one on /app.
  const [only, ...others] = user.memberships;
  return only && others.length === 0 ? `/t/${encodeURIComponent(only.tenantId)}` : '/app';
}
