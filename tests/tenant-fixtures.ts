import type { TenantTier } from '../domain/tenancy.ts';
import type { TestApp } from './app-harness.ts';
import { uniqueId } from './stack.ts';

/**
 * A made-up but valid US number in 918-555-2000…9999; tests share one database, so collisions are
 * retried. Below 2000 are the numbers tests name on purpose (+19185550142…), never drawn here.
 */
export function randomNumber(): string {
  return `+1918555${2_000 + Math.floor(Math.random() * 8_000)}`;
}

/** A tenant created through the admin API, with a phone number unless `withNumber` is false. */
export async function createTenant(t: TestApp, ownerToken: string, tier: TenantTier, options: { withNumber?: boolean } = {}) {
  const withNumber = options.withNumber ?? true;
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = uniqueId(tier);
    const phoneNumber = withNumber ? randomNumber() : undefined;
    const response = await t.call('POST', '/api/admin/tenants', { token: ownerToken, body: { id, businessName: `Test ${id}`, tier, phoneNumber } });
    if (response.status === 201) return { id, phoneNumber: phoneNumber ?? null };
    if (response.status !== 409) throw new Error(`creating a tenant failed: ${response.status} ${await response.text()}`);
  }
  throw new Error('no free phone number after 10 tries');
}
