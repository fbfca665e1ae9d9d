import { Prisma } from '../prisma/client.ts';
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

const numberTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && JSON.stringify(error.meta ?? {}).includes('phone_number');

/**
 * Runs `create` with a random number, and again with another while the number belongs to a
 * tenant another test file made: for fixtures that write tenants straight to the database.
 */
export async function withFreeNumber<T>(create: (phoneNumber: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await create(randomNumber());
    } catch (error) {
      if (!numberTaken(error)) throw error;
    }
  }
  throw new Error('no free phone number after 10 tries');
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
