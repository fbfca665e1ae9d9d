import { describe, expect, it } from 'vitest';
import type { User } from '../api/types.ts';
import { homeFor, setupPending } from './home.ts';

const user = (memberships: Partial<User['memberships'][number]>[], isPlatformOwner = false) =>
  ({ id: 'u1', email: 'o@example.com', name: null, isPlatformOwner, viewingAs: null, memberships: memberships.map((m) => ({ tenantId: 't1', role: 'owner', businessName: 'Sunny Lawns', status: 'trialing', ...m })) }) as User;

describe('where a user lands after signing in', () => {
  it('the owner of a business that is still being set up lands in its setup wizard, not an empty dashboard', () => {
    expect(homeFor(user([{ status: 'onboarding' }]))).toBe('/t/t1/setup');
    expect(homeFor(user([{ status: 'failed' }]))).toBe('/t/t1/setup');
  });

  it('a business that is live opens its dashboard; staff never land in a setup', () => {
    expect(homeFor(user([{ status: 'trialing' }]))).toBe('/t/t1');
    expect(homeFor(user([{ status: 'onboarding', role: 'staff' }]))).toBe('/t/t1');
  });

  it('members of several pick one; the platform owner opens the registry', () => {
    expect(homeFor(user([{ tenantId: 'a' }, { tenantId: 'b' }]))).toBe('/app');
    expect(homeFor(user([{ tenantId: 'root' }], true))).toBe('/admin/tenants');
  });

  it('the setup is pending only for an owner, while the business is not provisioned (an expired one has nothing to finish)', () => {
    expect(setupPending({ role: 'owner', status: 'onboarding' })).toBe(true);
    expect(setupPending({ role: 'owner', status: 'expired' })).toBe(false);
    expect(setupPending({ role: 'staff', status: 'failed' })).toBe(false);
  });
});
