import { WorkflowUpdateStage } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantTier } from '../domain/tenancy.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../tests/replay.ts';
import { billingFixtures } from '../tests/billing-fixtures.ts';
import { uniqueId } from '../tests/stack.ts';
import { queryBillingState, requestPaymentLink, requestPlanChange } from '../workers/client/tenant-billing.ts';
import { changePlanUpdate } from './billing.ts';

// The owner's side of billing, through the billing workflow's Updates: plan changes (an upgrade at
// once, a downgrade at the end of the paid period) and adding a card through Checkout. Real
// Temporal and Postgres; Stripe is the local fake reached by the official SDK.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe', 'twilio'] });
});
afterAll(async () => t?.close());

const { durations, startTenant, post, invoice, status, tier } = billingFixtures(() => t);
type Item = { price: { id: string; lookup_key: string }; current_period_end: number };
const itemOf = (subscriptionId: string) => (t.stripe.subscription(subscriptionId)!.items as { data: Item[] }).data[0]!;
const updatesTo = (subscriptionId: string) => t.stripe.requests().filter((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${subscriptionId}` && r.params.items);

describe('plan changes', () => {
  it('an upgrade applies at once: features (tier) and Stripe price, prorated', async () => {
    const { tenantId, subscriptionId } = await startTenant('active', durations());
    const change = await requestPlanChange(t.deps.temporal, tenantId, 'elite');
    expect(change).toMatchObject({ timing: 'now', tier: 'elite', effectiveAt: expect.any(String) });
    expect(await tier(tenantId)).toBe('elite');
    expect(itemOf(subscriptionId).price.lookup_key).toBe('servicepro_elite_monthly');
    expect(updatesTo(subscriptionId).map((r) => r.params.proration_behavior)).toEqual(['always_invoice']);
    expect(await t.deps.db.auditLog.findFirst({ where: { tenantId, action: 'plan.changed' } })).toMatchObject({ before: { tier: 'pro' }, after: { tier: 'elite' } });
  });

  it('a downgrade keeps the paid features until the period ends, then applies; Stripe bills the lower price next period without a credit', async () => {
    const { tenantId, subscriptionId } = await startTenant('active', durations());
    const periodEnd = Math.floor(Date.now() / 1000) + 3;
    itemOf(subscriptionId).current_period_end = periodEnd;
    const change = await requestPlanChange(t.deps.temporal, tenantId, 'starter');
    expect(change).toEqual({ timing: 'period_end', tier: 'starter', effectiveAt: new Date(periodEnd * 1000).toISOString() });
    expect(await tier(tenantId)).toBe('pro');
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ tier: 'pro', scheduledTier: { tier: 'starter', at: new Date(periodEnd * 1000).toISOString() } });
    expect(itemOf(subscriptionId).price.lookup_key).toBe('servicepro_starter_monthly');
    expect(updatesTo(subscriptionId).map((r) => r.params.proration_behavior)).toEqual(['none']);

    await expect.poll(() => tier(tenantId), { timeout: 15_000 }).toBe('starter');
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ tier: 'starter', scheduledTier: null });
  });

  it('choosing the current plan again calls off a waiting downgrade and restores the price without charging', async () => {
    const { tenantId, subscriptionId } = await startTenant('active', durations());
    itemOf(subscriptionId).current_period_end = Math.floor(Date.now() / 1000) + 3_600;
    await requestPlanChange(t.deps.temporal, tenantId, 'starter');
    expect(await requestPlanChange(t.deps.temporal, tenantId, 'pro')).toEqual({ timing: 'none', tier: 'pro', effectiveAt: null });
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ tier: 'pro', scheduledTier: null });
    expect(itemOf(subscriptionId).price.lookup_key).toBe('servicepro_pro_monthly');
    expect(updatesTo(subscriptionId).map((r) => r.params.proration_behavior)).toEqual(['none', 'none']);
  });

  it('during the trial a downgrade applies at once (nothing is paid yet)', async () => {
    const { tenantId } = await startTenant('trialing', durations(), { tier: 'elite' });
    expect(await requestPlanChange(t.deps.temporal, tenantId, 'starter')).toMatchObject({ timing: 'now', tier: 'starter' });
    expect(await tier(tenantId)).toBe('starter');
  });

  it('refuses a plan that does not exist with a message a person can read, and changes nothing', async () => {
    const { tenantId } = await startTenant('active', durations());
    // The validator rejects before anything is written to the history; the reason travels as the failure's cause.
    await expect(requestPlanChange(t.deps.temporal, tenantId, 'platinum' as 'elite')).rejects.toMatchObject({ cause: { message: expect.stringMatching(/There is no plan “platinum”/) } });
    expect(await tier(tenantId)).toBe('pro');
  });
});

describe('plan changes at the same time', () => {
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

  /** `first` is accepted, and its Stripe write is slow; `second` arrives meanwhile. Both answers, in that order. */
  async function twoChangesAtOnce(tenantId: string, subscriptionId: string, first: TenantTier, second: TenantTier) {
    t.stripe.slowNext(1, 1_500, { path: `/subscriptions/${subscriptionId}` });
    const handle = t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId));
    const pending = await handle.startUpdate(changePlanUpdate, { args: [first], waitForStage: WorkflowUpdateStage.ACCEPTED });
    const secondAnswer = await handle.executeUpdate(changePlanUpdate, { args: [second] });
    return [await pending.result(), secondAnswer] as const;
  }

  it('an upgrade and a downgrade at once apply one after the other: the downgrade promised is the one that is scheduled and billed', async () => {
    const { tenantId, subscriptionId } = await startTenant('active', durations());
    const periodEnd = Math.floor(Date.now() / 1000) + 3_600;
    itemOf(subscriptionId).current_period_end = periodEnd;

    const [upgrade, downgrade] = await twoChangesAtOnce(tenantId, subscriptionId, 'elite', 'starter');
    expect(upgrade).toMatchObject({ timing: 'now', tier: 'elite' });
    expect(downgrade).toEqual({ timing: 'period_end', tier: 'starter', effectiveAt: iso(periodEnd) });
    // What the second caller was told is what holds: Elite now, Starter from the period end, and Stripe bills Starter next period.
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ tier: 'elite', scheduledTier: { tier: 'starter', at: iso(periodEnd) } });
    expect(await tier(tenantId)).toBe('elite');
    expect(itemOf(subscriptionId).price.lookup_key).toBe('servicepro_starter_monthly');
    expect(updatesTo(subscriptionId).map((r) => r.params.proration_behavior)).toEqual(['always_invoice', 'none']);
  });

  it('keeping the current plan while a downgrade is being written calls that downgrade off, in Stripe too', async () => {
    const { tenantId, subscriptionId } = await startTenant('active', durations());
    const periodEnd = Math.floor(Date.now() / 1000) + 3_600;
    itemOf(subscriptionId).current_period_end = periodEnd;

    const [downgrade, keep] = await twoChangesAtOnce(tenantId, subscriptionId, 'starter', 'pro');
    expect(downgrade).toEqual({ timing: 'period_end', tier: 'starter', effectiveAt: iso(periodEnd) });
    expect(keep).toEqual({ timing: 'none', tier: 'pro', effectiveAt: null });
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ tier: 'pro', scheduledTier: null });
    expect(await tier(tenantId)).toBe('pro');
    expect(itemOf(subscriptionId).price.lookup_key).toBe('servicepro_pro_monthly');
    expect(updatesTo(subscriptionId).map((r) => r.params.proration_behavior)).toEqual(['none', 'none']);
  });

  // Two recordings of the same race: one made before the lock (workflows/billing.ts at d989fe4 —
  // a running execution like it must keep replaying, unlocked), one with it (the patch marker in).
  const RECORDINGS = { beforeLock: 'billing-plan-changes-before-lock.json', serialised: 'billing-plan-changes-serialised.json' };
  it('replays recorded histories of two plan changes at once, from before the lock and with it', async () => {
    if (recordingHistories) {
      const { tenantId, subscriptionId } = await startTenant('active', durations());
      itemOf(subscriptionId).current_period_end = Math.floor(Date.now() / 1000) + 3_600;
      await twoChangesAtOnce(tenantId, subscriptionId, 'elite', 'starter');
      const history = await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).fetchHistory();
      // Patch markers carry their id as a base64 JSON payload.
      const markers = history.events?.filter((e) => e.markerRecordedEventAttributes) ?? [];
      const locked = markers.some((e) => Object.values(e.markerRecordedEventAttributes!.details ?? {}).some((p) => p.payloads?.some((x) => Buffer.from(x.data ?? []).toString().includes('serialise-billing-handlers'))));
      await recordHistory(locked ? RECORDINGS.serialised : RECORDINGS.beforeLock, history);
    }
    for (const [name, file] of Object.entries(RECORDINGS)) {
      await replayRecorded(file, `billing:recorded-plan-changes-${name}`);
    }
  });
});

describe('adding a card', () => {
  it('Checkout saves a card: it becomes the default, a paused subscription resumes, and the next paid invoice reactivates the tenant', async () => {
    const { tenantId, customerId, subscriptionId } = await startTenant('trialing', durations({ trialMs: 1_500, reminderBeforeMs: 500 }));
    await expect.poll(() => status(tenantId), { timeout: 15_000 }).toBe('suspended');
    t.stripe.subscription(subscriptionId)!.status = 'paused'; // what Stripe does when a trial ends without a card

    const { url } = await requestPaymentLink(t.deps.temporal, tenantId, 'checkout', `/t/${tenantId}/billing`);
    const session = t.stripe.sessions().find((s) => url.endsWith(`/pay/${s.id}`))!;
    expect(session).toMatchObject({ mode: 'setup', customer: customerId, success_url: `${t.deps.config.PUBLIC_BASE_URL}/t/${tenantId}/billing` });
    const completed = t.stripe.completeCheckout(session.id)!;
    expect(completed.setup_intent).toMatch(/^seti_/);

    expect((await post('checkout.session.completed', completed)).status).toBe(200);
    await expect.poll(() => t.stripe.subscription(subscriptionId)!.status, { timeout: 10_000 }).toBe('active');
    const customer = t.stripe.customers().find((c) => c.id === customerId)!;
    expect((customer.invoice_settings as { default_payment_method: string }).default_payment_method).toMatch(/^pm_/);
    expect(t.stripe.subscription(subscriptionId)!.default_payment_method).toBe((customer.invoice_settings as { default_payment_method: string }).default_payment_method);
    expect(await t.deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } })).toMatchObject({ hasPaymentMethod: true });

    await post('invoice.paid', invoice(customerId, uniqueId('in'), 'paid'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
  });

  it('a portal link for invoices and cards; the billing page’s invoices never go back from paid', async () => {
    const { tenantId, customerId } = await startTenant('active', durations());
    expect((await requestPaymentLink(t.deps.temporal, tenantId, 'portal', '/billing')).url).toContain('/portal/');

    const id = uniqueId('in');
    const amounts = { amount_due: 14_900, amount_paid: 0, currency: 'usd', number: 'SP-0001', created: Math.floor(Date.now() / 1000) };
    await post('invoice.payment_failed', invoice(customerId, id, 'open', amounts));
    await post('invoice.paid', invoice(customerId, id, 'paid', { ...amounts, amount_paid: 14_900 }));
    await post('invoice.payment_failed', invoice(customerId, id, 'open', amounts)); // late and stale
    expect(await t.deps.db.billingInvoice.findUniqueOrThrow({ where: { stripeInvoiceId: id } })).toMatchObject({ tenantId, status: 'paid', amountDueCents: 14_900, amountPaidCents: 14_900, number: 'SP-0001' });
  });
});
