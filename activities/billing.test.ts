import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stripeIdempotencyKey } from '../domain/billing.ts';
import { ROOT_TENANT_ID, type TenantTier } from '../domain/tenancy.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { uniqueId } from '../tests/stack.ts';
import { createBillingActivities } from './billing.ts';
import type { BillingActivities } from './contracts.ts';

let t: TestApp;
let billing: BillingActivities;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe'] });
  billing = createBillingActivities(t.deps);
});
beforeEach(() => t.stripe.reset());
afterAll(async () => t?.close());

async function newTenant(tier: TenantTier = 'pro') {
  const id = uniqueId('bt');
  await t.deps.db.tenant.create({ data: { id, slug: id, config: { create: { businessName: id, tier } } } });
  return id;
}
const key = (tenantId: string, step: string) => stripeIdempotencyKey(`billing:${tenantId}`, step);

describe('billing activities against the Stripe fake', () => {
  it('ensures one price per tier by lookup key, however often it runs', async () => {
    const first = await billing.ensurePrices();
    const again = await billing.ensurePrices();
    expect(again).toEqual(first);
    expect(t.stripe.prices().map((p) => [p.lookup_key, p.unit_amount])).toEqual([
      ['servicepro_starter_monthly', 4_900],
      ['servicepro_pro_monthly', 14_900],
      ['servicepro_elite_monthly', 29_900],
    ]);
  });

  it('creates the customer and a trialing subscription once, and remembers them in tenant_billing', async () => {
    const tenantId = await newTenant();
    const { customerId } = await billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') });
    const sub = await billing.ensureSubscription({ tenantId, tier: 'pro', trialDays: 14, idempotencyKey: key(tenantId, 'ensure-subscription') });
    expect(sub).toMatchObject({ customerId, status: 'trialing' });
    expect(new Date(sub.trialEndsAt!).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);

    expect(await billing.ensureCustomer({ tenantId, idempotencyKey: 'another-key' })).toEqual({ customerId });
    expect((await billing.ensureSubscription({ tenantId, tier: 'pro', trialDays: 14, idempotencyKey: 'another-key' })).subscriptionId).toBe(sub.subscriptionId);
    expect(t.stripe.customers()).toHaveLength(1);
    expect(t.stripe.subscriptions()).toHaveLength(1);
    expect(t.stripe.customers()[0]!.metadata).toEqual({ tenant_id: tenantId });
    expect(await t.deps.db.tenantBilling.findUnique({ where: { tenantId } })).toMatchObject({ stripeCustomerId: customerId, stripeSubscriptionId: sub.subscriptionId, trialEndsAt: new Date(sub.trialEndsAt!) });
    const creates = t.stripe.requests().filter((r) => r.method === 'POST' && /\/v1\/(customers|subscriptions)$/.test(r.path));
    expect(creates.map((r) => r.idempotencyKey)).toEqual([key(tenantId, 'ensure-customer'), key(tenantId, 'ensure-subscription')]);
  });

  it('a retried activity whose first response was lost creates one customer and one subscription', async () => {
    const tenantId = await newTenant();
    t.stripe.failNext(1, { path: '/customers', afterCommit: true });
    await expect(billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') })).rejects.toMatchObject({ statusCode: 500 });
    expect(await t.deps.db.tenantBilling.findUnique({ where: { tenantId } })).toBeNull(); // the worker "died" before writing the row
    const { customerId } = await billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') });

    await billing.ensurePrices();
    t.stripe.failNext(1, { path: '/subscriptions', afterCommit: true });
    await expect(billing.ensureSubscription({ tenantId, tier: 'starter', trialDays: 14, idempotencyKey: key(tenantId, 'ensure-subscription') })).rejects.toMatchObject({ statusCode: 500 });
    t.stripe.failNext(1, { path: '/subscriptions' }); // and an outage before the request ran
    await expect(billing.ensureSubscription({ tenantId, tier: 'starter', trialDays: 14, idempotencyKey: key(tenantId, 'ensure-subscription') })).rejects.toMatchObject({ statusCode: 500 });
    const sub = await billing.ensureSubscription({ tenantId, tier: 'starter', trialDays: 14, idempotencyKey: key(tenantId, 'ensure-subscription') });

    expect(t.stripe.customers().map((c) => c.id)).toEqual([customerId]);
    expect(t.stripe.subscriptions().map((s) => s.id)).toEqual([sub.subscriptionId]);
  });

  it('a subscription for a tenant without a customer fails without retries', async () => {
    const tenantId = await newTenant();
    await expect(billing.ensureSubscription({ tenantId, tier: 'pro', trialDays: 14, idempotencyKey: key(tenantId, 's') })).rejects.toMatchObject({ type: 'NoStripeCustomer', nonRetryable: true });
  });

  it('upgrades now with proration and downgrades without a credit, each change under its own key', async () => {
    const tenantId = await newTenant('starter');
    await billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') });
    const sub = await billing.ensureSubscription({ tenantId, tier: 'starter', trialDays: 0, idempotencyKey: key(tenantId, 'ensure-subscription') });
    expect(sub.status).toBe('active');
    const prices = await billing.ensurePrices();

    expect(await billing.changePlan({ tenantId, from: 'starter', to: 'elite', idempotencyKey: key(tenantId, 'change-plan:1') })).toEqual({ timing: 'now', currentPeriodEnd: expect.any(String) });
    expect(await billing.changePlan({ tenantId, from: 'elite', to: 'pro', idempotencyKey: key(tenantId, 'change-plan:2') })).toEqual({ timing: 'period_end', currentPeriodEnd: expect.any(String) });
    expect(await billing.changePlan({ tenantId, from: 'pro', to: 'pro', idempotencyKey: key(tenantId, 'change-plan:3') })).toEqual({ timing: 'none', currentPeriodEnd: expect.any(String) });
    const updates = t.stripe.requests().filter((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${sub.subscriptionId}`);
    expect(updates.map((r) => [r.idempotencyKey, r.params.proration_behavior])).toEqual([
      [key(tenantId, 'change-plan:1'), 'always_invoice'],
      [key(tenantId, 'change-plan:2'), 'none'],
    ]);
    expect((t.stripe.subscription(sub.subscriptionId)!.items as { data: Array<{ price: { id: string } }> }).data[0]!.price.id).toBe(prices.pro);
  });

  it('creates Checkout and Customer Portal links for the owner', async () => {
    const tenantId = await newTenant();
    const { customerId } = await billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') });
    const checkout = await billing.createCheckoutLink({ tenantId, idempotencyKey: key(tenantId, 'checkout:1') });
    const portal = await billing.createPortalLink({ tenantId, idempotencyKey: key(tenantId, 'portal:1') });
    expect(checkout.url).toMatch(new RegExp(`^${t.stripe.url}/pay/cs_test_`));
    expect(portal.url).toMatch(new RegExp(`^${t.stripe.url}/portal/bps_`));
    expect(t.stripe.sessions().map((s) => s.customer)).toEqual([customerId, customerId]);
  });

  it.each(['@evil.example/phish', '//evil.example/phish', '/\\evil.example/phish', 'javascript:alert(1)', 'billing'])('a return path that would leave the app is refused, and nothing is sent to Stripe: %s', async (returnPath) => {
    const tenantId = await newTenant();
    await billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') });
    await expect(billing.createCheckoutLink({ tenantId, returnPath, idempotencyKey: key(tenantId, 'checkout:1') })).rejects.toMatchObject({ type: 'BadReturnPath', nonRetryable: true });
    await expect(billing.createPortalLink({ tenantId, returnPath, idempotencyKey: key(tenantId, 'portal:1') })).rejects.toMatchObject({ type: 'BadReturnPath', nonRetryable: true });
    expect(t.stripe.sessions()).toHaveLength(0);
  });

  it('sets the tenant status; never suspends root; a closed tenant stays closed', async () => {
    const tenantId = await newTenant();
    expect(await billing.setTenantStatus({ tenantId, status: 'past_due' })).toEqual({ changed: true });
    expect(await billing.setTenantStatus({ tenantId, status: 'past_due' })).toEqual({ changed: false });
    expect((await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).status).toBe('past_due');

    expect(await billing.setTenantStatus({ tenantId: ROOT_TENANT_ID, status: 'suspended' })).toEqual({ changed: false });
    expect((await t.deps.db.tenantConfig.findUnique({ where: { tenantId: ROOT_TENANT_ID } }))?.status ?? 'active').not.toBe('suspended');

    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { status: 'closed' } });
    expect(await billing.setTenantStatus({ tenantId, status: 'active' })).toEqual({ changed: false });
  });

  it('a card added to a reopened business (its subscription cancelled at closing) starts a new subscription on its plan, billed now, with that card', async () => {
    const tenantId = await newTenant('elite');
    await billing.ensureCustomer({ tenantId, idempotencyKey: key(tenantId, 'ensure-customer') });
    const first = await billing.ensureSubscription({ tenantId, tier: 'elite', trialDays: 14, idempotencyKey: key(tenantId, 'ensure-subscription') });
    await billing.cancelSubscription({ tenantId, idempotencyKey: key(tenantId, 'cancel') });
    await billing.createCheckoutLink({ tenantId, returnPath: '/billing', idempotencyKey: key(tenantId, 'checkout-link:1') });
    const session = t.stripe.sessions().at(-1)!;
    t.stripe.completeCheckout(String(session.id));

    const attach = { tenantId, checkoutSessionId: String(session.id), idempotencyKey: key(tenantId, `attach-card:${String(session.id)}`) };
    const { paymentMethodId, resumed } = await billing.attachPaymentMethod(attach);
    expect(resumed).toBe(true);
    const row = await t.deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } });
    expect(row.stripeSubscriptionId).not.toBe(first.subscriptionId);
    const renewed = t.stripe.subscription(row.stripeSubscriptionId!)!;
    const prices = await billing.ensurePrices();
    expect(renewed).toMatchObject({ status: 'active', trial_end: null, default_payment_method: paymentMethodId, metadata: { tenant_id: tenantId } });
    expect((renewed.items as { data: { price: { id: string } }[] }).data[0]!.price.id).toBe(prices.elite);
    expect(t.stripe.subscription(first.subscriptionId)!.status).toBe('canceled');
    // A retried attach (the answer was lost) starts no second subscription.
    await billing.attachPaymentMethod(attach);
    expect(t.stripe.subscriptions().filter((sub) => sub.status === 'active')).toHaveLength(1);
    expect((await t.deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } })).stripeSubscriptionId).toBe(row.stripeSubscriptionId);
  });
});
