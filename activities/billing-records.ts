import { ROOT_TENANT_ID } from '../domain/tenancy.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { BillingActivities } from './contracts.ts';

// What the billing workflow changes in our own records — the tenant's tier (with its audit row) and
// status — and reads: where to reach the owner (and the app's address, for the link in the notice). No Stripe here (billing.ts).

export function createBillingRecordActivities(db: PrismaClient, appUrl: string): Pick<BillingActivities, 'setTenantTier' | 'setTenantStatus' | 'loadBillingOwner'> {
  return {
    async setTenantTier({ tenantId, tier }) {
      const before = await db.tenantConfig.findUnique({ where: { tenantId }, select: { tier: true } });
      if (!before || before.tier === tier) return { changed: false };
      await db.$transaction([
        db.tenantConfig.update({ where: { tenantId }, data: { tier } }),
        db.auditLog.create({ data: { tenantId, action: 'plan.changed', before: { tier: before.tier }, after: { tier } } }),
      ]);
      return { changed: true };
    },

    async setTenantStatus({ tenantId, status }) {
      if (tenantId === ROOT_TENANT_ID && status !== 'active') return { changed: false };
      const { count } = await db.tenantConfig.updateMany({ where: { tenantId, status: { notIn: ['closed', status] } }, data: { status } });
      return { changed: count > 0 };
    },

    async loadBillingOwner({ tenantId }) {
      const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { ownerNotifyPhone: true, ownerNotifyEmail: true } });
      return { phone: phone?.ownerNotifyPhone ?? null, email: phone?.ownerNotifyEmail ?? null, appUrl };
    },
  };
}
