import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { uniqueId } from '../tests/stack.ts';
import { createStripeClient } from './stripe-client.ts';
import { createUsageActivities, periodBounds, USAGE_METERS, usageEventIdentifier } from './usage.ts';

// reportTenantUsage called directly (as the worker would) against the real database and the Stripe
// fake, reached by the official SDK over HTTP.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe'] });
});
afterAll(async () => t?.close());

const SMS = USAGE_METERS.smsSegments.eventName;
const CALLS = USAGE_METERS.callMinutes.eventName;
const thisMonth = () => new Date().toISOString().slice(0, 7);
const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** A tenant; with `customer`, also a Stripe customer in the fake, remembered in tenant_billing. */
async function newTenant(options: { customer: boolean } = { customer: true }) {
  const tenantId = uniqueId('usage');
  await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro' } } } });
  if (!options.customer) return { tenantId, customerId: null };
  const customer = await createStripeClient(t.deps.config, t.deps.masterKey).customers.create({ metadata: { tenant_id: tenantId } });
  await t.deps.db.tenantBilling.create({ data: { tenantId, stripeCustomerId: customer.id } });
  return { tenantId, customerId: customer.id };
}

async function setUsage(tenantId: string, period: string, usage: { smsSegments?: number; callSeconds?: number }) {
  await forTenant(t.deps.db, tenantId).usageCounter.upsert({ where: { tenantId_period: { tenantId, period } }, create: { period, ...usage }, update: usage });
}

const eventsOf = (tenantId: string) => t.stripe.meterEvents().filter((e) => String(e.identifier).startsWith(`usage:${tenantId}:`));
const eventSummary = (tenantId: string) => eventsOf(tenantId).map((e) => [e.event_name, (e.payload as Record<string, string>).value]);

describe('usage activities against the Stripe fake', () => {
  it('ensures both meters once, with last-value aggregation mapped by Stripe customer', async () => {
    t.stripe.reset();
    const { tenantId } = await newTenant();
    await setUsage(tenantId, thisMonth(), { smsSegments: 1, callSeconds: 1 });
    // Two workers (separate activity factories) racing to create the meters.
    await Promise.all([createUsageActivities(t.deps).reportTenantUsage({ tenantId, period: thisMonth() }), createUsageActivities(t.deps).reportTenantUsage({ tenantId, period: thisMonth() })]);
    await createUsageActivities(t.deps).reportTenantUsage({ tenantId, period: thisMonth() });

    expect(t.stripe.meters().map((m) => [m.event_name, m.default_aggregation, m.customer_mapping])).toEqual([
      [SMS, { formula: 'last' }, { event_payload_key: 'stripe_customer_id', type: 'by_id' }],
      [CALLS, { formula: 'last' }, { event_payload_key: 'stripe_customer_id', type: 'by_id' }],
    ]);
    expect(eventSummary(tenantId)).toEqual([[SMS, '1'], [CALLS, '1']]);
  });

  it('sends the month’s cumulative totals once, and the new total after more usage', async () => {
    const usage = createUsageActivities(t.deps);
    const { tenantId, customerId } = await newTenant();
    const period = thisMonth();
    await setUsage(tenantId, period, { smsSegments: 7, callSeconds: 61 });

    expect(await usage.reportTenantUsage({ tenantId, period })).toEqual({ smsSegments: 7, callMinutes: 2, sent: 2 });
    expect(eventsOf(tenantId)).toEqual([
      expect.objectContaining({ event_name: SMS, identifier: usageEventIdentifier(tenantId, period, SMS, 7), payload: { stripe_customer_id: customerId, value: '7' } }),
      expect.objectContaining({ event_name: CALLS, identifier: usageEventIdentifier(tenantId, period, CALLS, 2), payload: { stripe_customer_id: customerId, value: '2' } }),
    ]);

    // A retried activity or a second run: Stripe refuses the same identifiers, nothing new is billed.
    expect(await usage.reportTenantUsage({ tenantId, period })).toEqual({ smsSegments: 7, callMinutes: 2, sent: 0 });
    expect(eventsOf(tenantId)).toHaveLength(2);
    const refused = t.stripe.requests().filter((r) => r.path.endsWith('/billing/meter_events') && String(r.params.identifier).startsWith(`usage:${tenantId}:`) && r.status === 400);
    expect(refused).toHaveLength(2);

    // More texts, the same call minutes: only the SMS total changes.
    await setUsage(tenantId, period, { smsSegments: 9, callSeconds: 120 });
    expect(await usage.reportTenantUsage({ tenantId, period })).toEqual({ smsSegments: 9, callMinutes: 2, sent: 1 });
    expect(eventSummary(tenantId)).toEqual([[SMS, '7'], [CALLS, '2'], [SMS, '9']]);
  });

  it('the tenant’s subscription bills the meters: one metered item per meter, added once, beside the plan', async () => {
    const usage = createUsageActivities(t.deps);
    const { tenantId, customerId } = await newTenant();
    const stripe = createStripeClient(t.deps.config, t.deps.masterKey);
    const plan = await stripe.prices.create({ currency: 'usd', unit_amount: 14_900, recurring: { interval: 'month' }, product_data: { name: 'Pro' } });
    const subscription = await stripe.subscriptions.create({ customer: customerId!, items: [{ price: plan.id }] });
    await t.deps.db.tenantBilling.update({ where: { tenantId }, data: { stripeSubscriptionId: subscription.id } });
    await setUsage(tenantId, thisMonth(), { smsSegments: 4, callSeconds: 30 });

    await usage.reportTenantUsage({ tenantId, period: thisMonth() });
    await usage.reportTenantUsage({ tenantId, period: thisMonth() });
    const items = (t.stripe.subscription(subscription.id)!.items as { data: Array<{ price: { id: string; lookup_key: string | null; unit_amount: number; recurring: { usage_type: string; meter: string | null } } }> }).data;
    const meterOf = (eventName: string) => t.stripe.meters().find((m) => m.event_name === eventName)!.id;
    expect(items.map((i) => [i.price.lookup_key, i.price.recurring.usage_type, i.price.recurring.meter, i.price.unit_amount])).toEqual([
      [null, 'licensed', null, 14_900],
      ['servicepro_sms_segment_metered', 'metered', meterOf(SMS), t.deps.config.BILLING_PRICE_SMS_SEGMENT_CENTS],
      ['servicepro_call_minute_metered', 'metered', meterOf(CALLS), t.deps.config.BILLING_PRICE_CALL_MINUTE_CENTS],
    ]);
  });

  it('skips a meter with nothing to bill', async () => {
    const usage = createUsageActivities(t.deps);
    const { tenantId } = await newTenant();
    await setUsage(tenantId, thisMonth(), { smsSegments: 3 });
    expect(await usage.reportTenantUsage({ tenantId, period: thisMonth() })).toEqual({ smsSegments: 3, callMinutes: 0, sent: 1 });
    expect(eventSummary(tenantId)).toEqual([[SMS, '3']]);

    const idle = await newTenant();
    expect(await usage.reportTenantUsage({ tenantId: idle.tenantId, period: thisMonth() })).toEqual({ smsSegments: 0, callMinutes: 0, sent: 0 });
    expect(eventsOf(idle.tenantId)).toEqual([]);
  });

  it('skips a tenant without a Stripe customer, and does not list it as billable', async () => {
    const usage = createUsageActivities(t.deps);
    const billable = await newTenant();
    const { tenantId } = await newTenant({ customer: false });
    await setUsage(tenantId, thisMonth(), { smsSegments: 4, callSeconds: 300 });

    const listed = await usage.listBillableTenants();
    expect(listed).toContain(billable.tenantId);
    expect(listed).not.toContain(tenantId);
    expect(await usage.reportTenantUsage({ tenantId, period: thisMonth() })).toEqual({ smsSegments: 4, callMinutes: 5, sent: 0, skipped: 'no_stripe_customer' });
    expect(eventsOf(tenantId)).toEqual([]);
  });

  it('stamps a past month’s total with its last second, so it never counts as the new month’s', async () => {
    const usage = createUsageActivities(t.deps);
    const { tenantId } = await newTenant();
    const period = lastMonth();
    await setUsage(tenantId, period, { callSeconds: 600 });
    expect(await usage.reportTenantUsage({ tenantId, period })).toEqual({ smsSegments: 0, callMinutes: 10, sent: 1 });
    expect(eventsOf(tenantId).map((e) => e.timestamp)).toEqual([periodBounds(period).end / 1000 - 1]);
  });

  it('a customer Stripe does not know fails without retries; a bad period too', async () => {
    const usage = createUsageActivities(t.deps);
    const tenantId = uniqueId('usage');
    await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro' } } } });
    await t.deps.db.tenantBilling.create({ data: { tenantId, stripeCustomerId: `cus_gone_${tenantId}` } });
    await setUsage(tenantId, thisMonth(), { smsSegments: 2 });
    await expect(usage.reportTenantUsage({ tenantId, period: thisMonth() })).rejects.toMatchObject({ type: 'StripeUsageRejected', nonRetryable: true });
    await expect(usage.reportTenantUsage({ tenantId, period: '2026-13' })).rejects.toMatchObject({ type: 'BadUsageReport', nonRetryable: true });
    await expect(usage.reportTenantUsage({ tenantId, period: '2999-01' })).rejects.toMatchObject({ type: 'BadUsageReport', nonRetryable: true });
  });
});
