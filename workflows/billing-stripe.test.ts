import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../tests/replay.ts';
import { billingFixtures } from '../tests/billing-fixtures.ts';
import { uniqueId } from '../tests/stack.ts';
import { billingDurations, queryBillingState, signalTierChanged } from '../workers/client/tenant-billing.ts';

const RECORDED = 'billing-stripe-dunning.json';

// The Stripe life of a tenant with real Temporal and Postgres, Stripe and Twilio fakes at the HTTP
// boundary (reached by the official SDKs), and webhook events signed with Stripe's own helper.
// Durations are injected in seconds: nothing here sleeps for days.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe', 'twilio'] });
});
afterAll(async () => t?.close());

const { durations, startTenant, post, invoice, status, searchStatus, textsTo } = billingFixtures(() => t);

describe('billing life with Stripe', () => {
  it('trial → active on the first paid invoice (database, query and search attribute agree)', async () => {
    const { tenantId, customerId } = await startTenant('trialing', durations());
    expect(t.stripe.subscriptions().find((s) => s.customer === customerId)).toMatchObject({ status: 'trialing' });
    expect((await post('invoice.paid', invoice(customerId, uniqueId('in'), 'paid'))).status).toBe(200);
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
    await expect.poll(() => searchStatus(tenantId)).toEqual(['active']);
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ status: 'active' });
  });

  it('trial → reminder 3 days (here: 1 s) before the end → suspended without a card, nothing deleted', async () => {
    const { tenantId, owner } = await startTenant('trialing', durations({ trialMs: 3_000, reminderBeforeMs: 1_500 }));
    await expect.poll(() => status(tenantId), { timeout: 15_000 }).toBe('suspended');
    await expect.poll(() => searchStatus(tenantId)).toEqual(['suspended']);
    expect(textsTo(owner).map((m) => m.body)).toEqual([expect.stringContaining('free trial ends')]);
    expect(await t.deps.db.tenant.findUnique({ where: { id: tenantId } })).not.toBeNull();
  });

  it('active → past_due (owner warned once per invoice) → active when paid', async () => {
    const { tenantId, owner, customerId } = await startTenant('active', durations());
    const inv = uniqueId('in');
    const failed = await post('invoice.payment_failed', invoice(customerId, inv, 'open'));
    await post('invoice.payment_failed', invoice(customerId, inv, 'open'), { id: failed.eventId }); // redelivered
    await post('invoice.payment_failed', invoice(customerId, inv, 'open')); // Stripe's next retry failed too
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('past_due');
    await expect.poll(() => textsTo(owner).length, { timeout: 10_000 }).toBe(1);
    expect(textsTo(owner)[0]!.body).toContain('payment did not go through');
    // Issue 9: with the full address of the billing page, which opens after sign-in.
    expect(textsTo(owner)[0]!.body).toMatch(new RegExp(`Update your card: ${t.deps.config.PUBLIC_BASE_URL}/t/${tenantId}/billing$`));

    await post('invoice.paid', invoice(customerId, inv, 'paid'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
    await expect.poll(() => searchStatus(tenantId)).toEqual(['active']);
    expect(textsTo(owner)).toHaveLength(1);
  });

  it('past_due → suspended when the grace period passes', async () => {
    const { tenantId, customerId } = await startTenant('active', durations({ graceMs: 2_000 }));
    await post('invoice.payment_failed', invoice(customerId, uniqueId('in'), 'open'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('past_due');
    await expect.poll(() => status(tenantId), { timeout: 15_000 }).toBe('suspended');
  });

  it('customer.subscription.updated: back to active from past due, and the card and period remembered for the billing page', async () => {
    const { tenantId, customerId } = await startTenant('active', durations());
    await post('invoice.payment_failed', invoice(customerId, uniqueId('in'), 'open'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('past_due');
    const periodEnd = Math.floor(Date.now() / 1000) + 30 * 86_400;
    await post('customer.subscription.updated', { id: 'sub_x', object: 'subscription', customer: customerId, status: 'active', default_payment_method: 'pm_card', items: { data: [{ current_period_end: periodEnd }] } });
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
    expect(await t.deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } })).toMatchObject({ hasPaymentMethod: true, currentPeriodEnd: new Date(periodEnd * 1000) });
  });

  it('customer.subscription.deleted → suspended', async () => {
    const { tenantId, customerId } = await startTenant('active', durations());
    await post('customer.subscription.deleted', { id: 'sub_x', object: 'subscription', customer: customerId, status: 'canceled' });
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('suspended');
  });

  it('applies duplicates once and decides from the object, not the arrival order', async () => {
    const { tenantId, owner, customerId } = await startTenant('trialing', durations());
    const inv = uniqueId('in');
    const paid = await post('invoice.paid', invoice(customerId, inv, 'paid'));
    expect(await post('invoice.paid', invoice(customerId, inv, 'paid'), { id: paid.eventId })).toMatchObject({ status: 200, body: { duplicate: true } });
    await post('invoice.payment_failed', invoice(customerId, inv, 'open')); // older failure, delivered late
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
    // Both events reached the workflow (the duplicate stopped at the edge) and were processed; the late one changed nothing.
    expect(await t.deps.db.stripeEvent.count({ where: { tenantId } })).toBe(2);
    await expect.poll(() => queryBillingState(t.deps.temporal, tenantId), { timeout: 10_000 }).toMatchObject({ stripeEventsProcessed: 2, status: 'active' });
    expect(await status(tenantId)).toBe('active');
    expect(textsTo(owner)).toHaveLength(0);
  });

  it('a bad signature → 400 and no signal; an unknown customer → 200 and no tenant touched', async () => {
    const { tenantId, customerId } = await startTenant('active', durations());
    const forged = await post('customer.subscription.deleted', { id: 'sub_x', object: 'subscription', customer: customerId, status: 'canceled' }, { signature: 't=1,v1=deadbeef' });
    expect(forged.status).toBe(400);
    const wrongSecret = t.stripe.signedEvent('customer.subscription.deleted', { id: 'sub_x', customer: customerId }, { secret: 'whsec_attacker' });
    expect((await t.app.request('/stripe/webhook', { method: 'POST', headers: { 'stripe-signature': wrongSecret.signature }, body: wrongSecret.payload })).status).toBe(400);

    const unknown = await post('invoice.payment_failed', invoice('cus_nobody', uniqueId('in'), 'open'));
    expect(unknown).toMatchObject({ status: 200, body: { ignored: 'unknown customer' } });

    const history = await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).fetchHistory();
    expect(history.events?.filter((e) => e.workflowExecutionSignaledEventAttributes)).toHaveLength(0);
    expect(await t.deps.db.stripeEvent.count({ where: { eventId: { in: [forged.eventId, unknown.eventId] } } })).toBe(0);
    expect(await status(tenantId)).toBe('active');
  });

  it('a retried activity (Stripe answered, the response was lost) creates one customer and one subscription', async () => {
    t.stripe.failNext(1, { path: '/customers', afterCommit: true });
    const { tenantId, customerId } = await startTenant('trialing', durations());
    expect(t.stripe.customers().filter((c) => (c.metadata as Record<string, string>).tenant_id === tenantId).map((c) => c.id)).toEqual([customerId]);
    expect(t.stripe.subscriptions().filter((s) => s.customer === customerId)).toHaveLength(1);
    const creates = t.stripe.requests().filter((r) => r.path === '/v1/customers' && r.idempotencyKey === `billing:${tenantId}:ensure-customer`);
    expect(creates.map((r) => r.status)).toEqual([500, 200]);
  });

  it('an upgrade moves the subscription to the new price now, with proration, under its own key', async () => {
    const { tenantId, customerId } = await startTenant('active', durations());
    await signalTierChanged(t.deps.temporal, tenantId, 'elite');
    const subscription = t.stripe.subscriptions().find((s) => s.customer === customerId)!;
    await expect
      .poll(() => t.stripe.requests().filter((r) => r.path === `/v1/subscriptions/${subscription.id}` && r.method === 'POST').map((r) => [r.idempotencyKey, r.params.proration_behavior]), { timeout: 10_000 })
      .toEqual([[`billing:${tenantId}:change-plan:1`, 'always_invoice']]);
    const elite = t.stripe.prices().find((p) => p.lookup_key === 'servicepro_elite_monthly')!;
    expect((subscription.items as { data: Array<{ price: { id: string } }> }).data[0]!.price.id).toBe(elite.id);
    expect(await queryBillingState(t.deps.temporal, tenantId)).toMatchObject({ tier: 'elite', changes: 1 });
  });

  it('replays a recorded Stripe billing history deterministically', async () => {
    if (recordingHistories) {
      const { tenantId, owner, customerId } = await startTenant('trialing', durations({ trialMs: 4_000, reminderBeforeMs: 2_000 }));
      const firstRun = (await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).describe()).runId;
      await expect.poll(() => textsTo(owner).length, { timeout: 10_000 }).toBe(1); // the trial reminder
      await post('invoice.paid', invoice(customerId, 'in_rec1', 'paid'));
      await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
      await post('invoice.payment_failed', invoice(customerId, 'in_rec2', 'open'));
      await expect.poll(() => textsTo(owner).length, { timeout: 10_000 }).toBe(2);
      await signalTierChanged(t.deps.temporal, tenantId, 'elite');
      await post('invoice.paid', invoice(customerId, 'in_rec2', 'paid'));
      await expect.poll(() => queryBillingState(t.deps.temporal, tenantId), { timeout: 10_000 }).toMatchObject({ status: 'active', tier: 'elite' });
      // The first run: on the test server it grows past its suggested size and continues as new.
      const history = await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId), firstRun).fetchHistory();
      await recordHistory(RECORDED, history);
    }
    await replayRecorded(RECORDED, 'billing:recorded-stripe');
  });

  it('reads its durations from configuration', () => {
    expect(billingDurations({ BILLING_TRIAL_DAYS: 14, BILLING_GRACE_DAYS: 7, BILLING_RETENTION_DAYS: 180 })).toEqual({ trialDays: 14, trialMs: 14 * 86_400_000, reminderBeforeMs: 3 * 86_400_000, graceMs: 7 * 86_400_000, retentionMs: 180 * 86_400_000 });
    expect(billingDurations({ BILLING_TRIAL_DAYS: 2, BILLING_GRACE_DAYS: 0, BILLING_RETENTION_DAYS: 30 }).reminderBeforeMs).toBe(2 * 86_400_000);
  });
});
