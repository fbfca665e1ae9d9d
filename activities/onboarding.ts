import { ensureResource } from '../prisma/bookable.ts';
import { ApplicationFailure } from '@temporalio/common';
import { Prisma } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { BillingActivities } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import type { OnboardingActivities } from './onboarding-contract.ts';
import { createPhoneNumberActivities } from './phone-numbers.ts';

// The onboarding saga's steps on our own records, each idempotent and each with its compensation
// (workflows/onboarding-saga.ts runs them): the tenant, its services, its website, the trial's undo,
// and expiry. The number is phone-numbers.ts; the trial itself is the billing activities.

/** Only a business that is not provisioned yet is touched: a live one is never rolled back or expired. */
const NOT_LIVE = { in: ['onboarding' as const, 'failed' as const] };

export function createOnboardingActivities(deps: ActivityDeps, billing: Pick<BillingActivities, 'cancelSubscription'>): OnboardingActivities {
  const { db } = deps;
  const numbers = createPhoneNumberActivities(deps);

  async function cancelTrial({ tenantId, idempotencyKey }: { tenantId: string; idempotencyKey: string }) {
    const result = await billing.cancelSubscription({ tenantId, idempotencyKey });
    // Forgotten, so a retried finish starts a fresh trial; the Stripe customer is kept for it.
    await db.tenantBilling.updateMany({ where: { tenantId }, data: { stripeSubscriptionId: null, trialEndsAt: null, currentPeriodEnd: null } });
    return result;
  }

  return {
    ...numbers,

    async completeTenant({ tenantId, values }) {
      const { business, industry, branding, plan } = values;
      try {
        await db.$transaction(async (tx) => {
          await tx.tenant.update({ where: { id: tenantId }, data: { slug: business.slug } });
          const { count } = await tx.tenantConfig.updateMany({
            where: { tenantId, status: NOT_LIVE },
            data: { businessName: business.businessName, industry: industry.pack, serviceArea: business.serviceArea, primaryColor: branding.primaryColor, logoUrl: branding.logoUrl ?? null, tier: plan.tier, status: 'onboarding' },
          });
          if (count === 0) throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} is not being onboarded.`, 'NotOnboarding');
          // A new business texts from the platform number until its carrier registration is approved (activities/sms-sender.ts).
          await tx.carrierRegistration.upsert({ where: { tenantId }, create: { tenantId, state: 'pending' }, update: {} });
          // The owner's name, as they wrote it (an account that already has one keeps it).
          const owner = await tx.membership.findFirst({ where: { tenantId, role: 'owner' }, orderBy: { createdAt: 'asc' }, select: { userId: true } });
          if (owner) await tx.user.updateMany({ where: { id: owner.userId, name: null }, data: { name: business.ownerName } });
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw ApplicationFailure.create({ type: 'SlugTaken', nonRetryable: true, message: `The web address “${business.slug}” was taken by another business meanwhile. Choose another in the first step, then finish again.` });
        }
        throw error;
      }
    },

    async markTenantFailed({ tenantId }) {
      await db.tenantConfig.updateMany({ where: { tenantId, status: NOT_LIVE }, data: { status: 'failed' } });
    },

    async seedServices({ tenantId, services }) {
      // A new business has no bookings: the services of an earlier attempt are simply replaced.
      await forTenant(db, tenantId).transaction(async (tx) => {
        await tx.service.deleteMany({ where: { bookings: { none: {} } } });
        await tx.service.createMany({ data: services.map((s, i) => ({ name: s.name, durationMin: s.durationMinutes, priceCents: s.priceCents, sortOrder: i })) });
      });
      // Someone to book them with: the owner's team, until they add people and vans.
      await ensureResource(db, tenantId);
      return { seeded: services.length };
    },

    async removeSeededServices({ tenantId }) {
      await forTenant(db, tenantId).service.deleteMany({ where: { bookings: { none: {} } } });
      await forTenant(db, tenantId).resource.deleteMany({ where: { bookings: { none: {} } } });
    },

    cancelTrial,

    async publishSite({ tenantId, template }) {
      const existing = await db.tenantSite.findUnique({ where: { tenantId }, select: { publishedAt: true } });
      await db.tenantSite.upsert({ where: { tenantId }, create: { tenantId, template, publishedAt: new Date() }, update: { template, publishedAt: existing?.publishedAt ?? new Date() } });
    },

    async unpublishSite({ tenantId }) {
      await db.tenantSite.updateMany({ where: { tenantId }, data: { publishedAt: null } });
    },

    async activateTenant({ tenantId }) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.tenantConfig.updateMany({ where: { tenantId, status: 'onboarding' }, data: { status: 'trialing' } });
        if (count > 0) await tx.auditLog.create({ data: { tenantId, action: 'tenant.provisioned', after: { status: 'trialing' } } });
      });
    },

    async expireTenant({ tenantId }) {
      // Whatever a rolled-back attempt might still hold goes too (each a no-op when nothing is held).
      await numbers.releaseNumber({ tenantId });
      await cancelTrial({ tenantId, idempotencyKey: `onboarding:${tenantId}:expired:cancel-subscription` });
      await db.tenantSite.updateMany({ where: { tenantId }, data: { publishedAt: null } });
      await db.$transaction(async (tx) => {
        const { count } = await tx.tenantConfig.updateMany({ where: { tenantId, status: NOT_LIVE }, data: { status: 'expired' } });
        // Its web address is free again for someone else (a dot never appears in a chosen one).
        if (count > 0) await tx.tenant.update({ where: { id: tenantId }, data: { slug: `${tenantId}.expired` } });
      });
    },
  };
}
