import { expect } from 'vitest';
import type { TenantTier } from '../domain/tenancy.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { startTenantBilling } from '../workers/client/tenant-billing.ts';
import type { BillingDurations } from '../workflows/billing.ts';
import type { TestApp } from './app-harness.ts';
import { randomPhone } from './sms-fixtures.ts';
import { uniqueId } from './stack.ts';

const LONG = 600_000;

/**
 * Tenants with a running Stripe billing life, and Stripe webhook events as Stripe signs them.
 * `testApp` (with the Stripe and Twilio fakes) is read at each call, so a test file can create its
 * fixtures before `beforeAll` ran.
 */
export function billingFixtures(testApp: () => TestApp) {
  const durations = (overrides: Partial<BillingDurations> = {}): BillingDurations => ({ trialDays: 14, trialMs: LONG, reminderBeforeMs: 1_000, graceMs: LONG, retentionMs: LONG, ...overrides });

  /** A tenant with a number and an owner phone and email, its billing workflow started with `d`; resolves once Stripe is set up. */
  async function startTenant(status: 'trialing' | 'active', d: BillingDurations, options: { tier?: TenantTier; taskQueue?: string } = {}) {
    const t = testApp();
    const tenantId = uniqueId('life');
    const owner = randomPhone();
    const ownerEmail = `${tenantId}@owners.test`;
    const tier = options.tier ?? 'pro';
    await t.deps.db.tenant.create({
      data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier, status } }, phoneConfig: { create: { phoneNumber: randomPhone(), ownerNotifyPhone: owner, ownerNotifyEmail: ownerEmail } } },
    });
    await startTenantBilling(t.deps.temporal, options.taskQueue ?? t.taskQueue, { id: tenantId, tier, status }, d);
    const billing = await expect
      .poll(() => t.deps.db.tenantBilling.findUnique({ where: { tenantId } }), { timeout: 60_000 })
      .toMatchObject({ stripeCustomerId: expect.any(String), stripeSubscriptionId: expect.any(String) })
      .then(() => t.deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } }));
    return { tenantId, owner, ownerEmail, customerId: billing.stripeCustomerId!, subscriptionId: billing.stripeSubscriptionId! };
  }

  async function post(type: string, object: Record<string, unknown>, options: { id?: string; signature?: string } = {}) {
    const t = testApp();
    const { event, payload, signature } = t.stripe.signedEvent(type, object, { id: options.id });
    const response = await t.app.request('/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': options.signature ?? signature }, body: payload });
    return { eventId: event.id, status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  return {
    durations,
    startTenant,
    post,
    invoice: (customer: string, id: string, status: 'paid' | 'open', extra: Record<string, unknown> = {}) => ({ id, object: 'invoice', customer, status, ...extra }),
    status: async (tenantId: string) => (await testApp().deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).status,
    tier: async (tenantId: string) => (await testApp().deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).tier,
    searchStatus: async (tenantId: string) => (await testApp().deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).describe()).searchAttributes.TenantStatus,
    textsTo: (phone: string) => testApp().twilio.messages().filter((m) => m.to === phone),
  };
}
