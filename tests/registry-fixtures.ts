import type { TenantStatus, TenantTier } from '../domain/tenancy.ts';
import { hashPassword } from '../domain/passwords.ts';
import type { PrismaClient } from '../prisma/client.ts';

// Registry rows written straight into the platform tables, without a billing workflow: the
// registry's search, summary and benchmark read exactly these columns, and no workflow moves
// the status or trial end under the test.

export interface RegistryRowInput {
  id: string;
  businessName: string;
  tier?: TenantTier;
  status?: TenantStatus;
  phoneNumber?: string;
  ownerEmail?: string;
  trialEndsAt?: Date;
  createdAt?: Date;
  closedAt?: Date;
  purgedAt?: Date;
}

let ownerHash: Promise<string> | undefined;

export async function registryRow(db: PrismaClient, row: RegistryRowInput) {
  await db.tenant.create({
    data: {
      id: row.id,
      slug: row.id,
      createdAt: row.createdAt,
      closedAt: row.closedAt ?? (row.status === 'closed' ? new Date() : undefined),
      purgedAt: row.purgedAt,
      config: { create: { businessName: row.businessName, tier: row.tier ?? 'starter', status: row.status ?? 'trialing' } },
      phoneConfig: row.phoneNumber ? { create: { phoneNumber: row.phoneNumber } } : undefined,
      billing: row.trialEndsAt ? { create: { trialEndsAt: row.trialEndsAt } } : undefined,
    },
  });
  if (row.ownerEmail) {
    ownerHash ??= hashPassword('owner password 123');
    await db.user.create({ data: { email: row.ownerEmail.toLowerCase(), passwordHash: await ownerHash, memberships: { create: { tenantId: row.id, role: 'owner' } } } });
  }
}
