// The tenant billing API over real Postgres and Temporal, with the Stripe sandbox as the fake at
// the HTTP boundary: what the billing page reads, the plan changes and card links it asks for,
// who may ask, and what the owner sees when Temporal is down or no worker answers.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { TenantTier } from '../../domain/tenancy.ts';
import { freePort } from '../../scripts/ports.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { randomPhone } from '../../tests/sms-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { queryBillingState, startTenantBilling } from '../../workers/client/tenant-billing.ts';
import type { BillingDurations } from '../../workflows/billing.ts';
import type { BillingView } from './billing.ts';

let t: TestApp;
let platformOwner: string;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe'] });
  platformOwner = await t.ownerToken();
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
// A real 14-day trial timer: nothing here waits for it; the page only counts it down.
const durations: BillingDurations = { trialDays: 14, trialMs: 14 * DAY, reminderBeforeMs: 3 * DAY, graceMs: 14 * DAY };
const json = async <T,>(r: Response) => (await r.json()) as T;

/** A tenant whose billing workflow runs with the Stripe life on `taskQueue`; resolves once Stripe is set up (unless nobody polls). */
async function startTenant(status: 'trialing' | 'active', options: { tier?: TenantTier; taskQueue?: string } = {}) {
  const tenantId = uniqueId('bill');
  const tier = options.tier ?? 'pro';
  await t.deps.db.tenant.create({
    data: { id: tenantId, slug: tenantId, config: { create: { businessName: `Billing ${tenantId}`, tier, status } }, phoneConfig: { create: { phoneNumber: randomPhone() } } },
  });
  await startTenantBilling(t.deps.temporal, options.taskQueue ?? t.taskQueue, { id: tenantId, tier, status }, durations);
  if (!options.taskQueue) {
    await expect.poll(() => t.deps.db.tenantBilling.findUnique({ where: { tenantId } }), { timeout: 15_000 }).toMatchObject({ stripeSubscriptionId: expect.any(String) });
  }
  return tenantId;
}

const getBilling = async (tenantId: string, token: string) => {
  const response = await t.call('GET', `/api/tenants/${tenantId}/billing`, { token });
  expect(response.status).toBe(200);
  return (await json<{ billing: BillingView }>(response)).billing;
};

describe('GET /api/tenants/:tenantId/billing', () => {
  it('shows a trialing tenant its plan, days left, prices with features, and invoices newest first', async () => {
    const tenantId = await startTenant('trialing');
    await t.deps.db.billingInvoice.createMany({
      data: [
        { stripeInvoiceId: uniqueId('in_old'), tenantId, number: 'SP-0001', status: 'void', amountDueCents: 0, amountPaidCents: 0, issuedAt: new Date(Date.now() - 40 * DAY) },
        { stripeInvoiceId: uniqueId('in_new'), tenantId, number: 'SP-0002', status: 'open', amountDueCents: 14_900, amountPaidCents: 0, hostedInvoiceUrl: 'https://invoice.stripe.com/i/x', issuedAt: new Date(Date.now() - DAY) },
      ],
    });
    const staff = await t.memberToken(tenantId, 'staff');
    const billing = await getBilling(tenantId, staff); // any member may look

    expect(billing).toMatchObject({ tier: 'pro', status: 'trialing', billed: true, trialDaysLeft: 14, hasPaymentMethod: false, scheduledChange: null, live: true });
    expect(Date.parse(billing.trialEndsAt!)).toBeGreaterThan(Date.now() + 13 * DAY);
    expect(billing.invoices.map((i) => [i.number, i.status, i.amountDueCents, i.hostedInvoiceUrl])).toEqual([
      ['SP-0002', 'open', 14_900, 'https://invoice.stripe.com/i/x'],
      ['SP-0001', 'void', 0, null],
    ]);
    expect(billing.plans.map((p) => [p.tier, p.priceCents, p.current])).toEqual([
      ['starter', t.deps.config.BILLING_PRICE_STARTER_CENTS, false],
      ['pro', t.deps.config.BILLING_PRICE_PRO_CENTS, true],
      ['elite', t.deps.config.BILLING_PRICE_ELITE_CENTS, false],
    ]);
    const elite = billing.plans.find((p) => p.tier === 'elite')!;
    // Only what exists today is "included"; what the plan will bring is listed as coming soon.
    expect(elite.features).toEqual(['The phone menu (IVR)', 'SMS automations', 'All website templates', 'A custom website domain', 'The SIP softphone']);
    expect(elite.comingSoon).toContain('The AI voice receptionist');
    expect(billing.plans.find((p) => p.tier === 'pro')!.comingSoon).not.toContain('The AI voice receptionist');
    expect(billing.plans.find((p) => p.tier === 'starter')!.features).toEqual([]);
    // Websites shipped (issue 11): every plan has one template.
    expect(billing.everyPlan).toContain('A website with your prices, hours and a booking form (one template)');
    expect(billing.usagePrices).toEqual({ smsSegmentCents: t.deps.config.BILLING_PRICE_SMS_SEGMENT_CENTS, callMinuteCents: t.deps.config.BILLING_PRICE_CALL_MINUTE_CENTS });
  });

  it("is closed to another business's members and to visitors", async () => {
    const tenantId = await startTenant('active');
    const other = await startTenant('active');
    expect((await t.call('GET', `/api/tenants/${tenantId}/billing`, { token: await t.memberToken(other, 'owner') })).status).toBe(403);
    expect((await t.call('GET', `/api/tenants/${tenantId}/billing`)).status).toBe(401);
  });

  it('still loads from the database when Temporal is down, saying the timers are missing', async () => {
    const tenantId = await startTenant('trialing');
    await t.deps.db.tenantBilling.update({ where: { tenantId }, data: { trialEndsAt: new Date(Date.now() + 5 * DAY + 60_000), hasPaymentMethod: true } });
    const deadTemporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
    const app = createApp({ ...t.deps, temporal: deadTemporal });
    const response = await app.request(`/api/tenants/${tenantId}/billing`, { headers: { authorization: `Bearer ${platformOwner}` } });
    expect(response.status).toBe(200);
    const { billing } = await json<{ billing: BillingView }>(response);
    expect(billing).toMatchObject({ status: 'trialing', live: false, trialDaysLeft: 6, hasPaymentMethod: true, graceEndsAt: null, retentionEndsAt: null, scheduledChange: null });
  });

  it('shows the root business its plan and says it is not billed', async () => {
    const billing = await getBilling('root', platformOwner);
    expect(billing).toMatchObject({ tier: 'elite', billed: false, trialDaysLeft: null });
  });
});

describe('POST /api/tenants/:tenantId/billing/plan', () => {
  it('during the trial an upgrade applies at once: the answer, the database and the page agree', async () => {
    const tenantId = await startTenant('trialing');
    const owner = await t.memberToken(tenantId, 'owner');
    const response = await t.call('POST', `/api/tenants/${tenantId}/billing/plan`, { token: owner, body: { tier: 'elite' } });
    expect(response.status).toBe(200);
    const { change } = await json<{ change: { timing: string; tier: string; effectiveAt: string } }>(response);
    expect(change).toMatchObject({ timing: 'now', tier: 'elite', effectiveAt: expect.any(String) });
    expect((await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).tier).toBe('elite');
    expect((await getBilling(tenantId, owner)).plans.find((p) => p.current)!.tier).toBe('elite');
  });

  it('a paying tenant downgrades at the end of the paid period; the page shows the date until then', async () => {
    const tenantId = await startTenant('active');
    const response = await t.call('POST', `/api/tenants/${tenantId}/billing/plan`, { token: platformOwner, body: { tier: 'starter' } });
    expect(response.status).toBe(200);
    const { change } = await json<{ change: { timing: string; effectiveAt: string } }>(response);
    expect(change.timing).toBe('period_end');
    expect(Date.parse(change.effectiveAt)).toBeGreaterThan(Date.now());
    expect((await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).tier).toBe('pro'); // not yet
    const billing = await getBilling(tenantId, platformOwner);
    expect(billing.tier).toBe('pro');
    expect(billing.scheduledChange).toEqual({ tier: 'starter', at: change.effectiveAt });
  });

  it('only owners change the plan; a bad tier and the root business are refused with a reason', async () => {
    const tenantId = await startTenant('trialing');
    const staff = await t.memberToken(tenantId, 'staff');
    expect((await t.call('POST', `/api/tenants/${tenantId}/billing/plan`, { token: staff, body: { tier: 'elite' } })).status).toBe(403);

    const bad = await t.call('POST', `/api/tenants/${tenantId}/billing/plan`, { token: platformOwner, body: { tier: 'gold' } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { fields: Record<string, string> } }>(bad)).error.fields.tier).toMatch(/starter, pro or elite/);

    const root = await t.call('POST', '/api/tenants/root/billing/plan', { token: platformOwner, body: { tier: 'pro' } });
    expect(root.status).toBe(400);
    expect((await json<{ error: { message: string } }>(root)).error.message).toMatch(/not billed/);
    expect((await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).tier).toBe('pro');
    expect((await queryBillingState(t.deps.temporal, tenantId)).tier).toBe('pro');
  });

  it('answers 503 "Billing is busy" when no worker takes the change, and changes nothing', async () => {
    const tenantId = await startTenant('trialing', { taskQueue: uniqueId('nobody-polls') });
    const response = await t.call('POST', `/api/tenants/${tenantId}/billing/plan`, { token: platformOwner, body: { tier: 'elite' } });
    expect(response.status).toBe(503);
    expect((await json<{ error: { message: string } }>(response)).error.message).toBe('Billing is busy — try again in a minute.');
    expect((await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).tier).toBe('pro');
  }, 30_000);
});

describe('POST /api/tenants/:tenantId/billing/payment-link', () => {
  it('hands the owner a Stripe Checkout link to add a card and a portal link to manage billing, both returning to the billing page', async () => {
    const tenantId = await startTenant('trialing');
    const owner = await t.memberToken(tenantId, 'owner');
    const checkout = await t.call('POST', `/api/tenants/${tenantId}/billing/payment-link`, { token: owner, body: { kind: 'checkout' } });
    expect(checkout.status).toBe(200);
    expect((await json<{ url: string }>(checkout)).url).toMatch(new RegExp(`^${t.stripe.url}/pay/cs_test_`));
    const portal = await t.call('POST', `/api/tenants/${tenantId}/billing/payment-link`, { token: owner, body: { kind: 'portal' } });
    expect((await json<{ url: string }>(portal)).url).toMatch(new RegExp(`^${t.stripe.url}/portal/`));

    const customer = (await t.deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } })).stripeCustomerId;
    const session = t.stripe.sessions().find((s) => s.object === 'checkout.session' && s.customer === customer)!;
    expect(String(session.success_url)).toMatch(new RegExp(`/t/${tenantId}/billing$`));
  });

  it('staff cannot ask for one, and a made-up kind is refused', async () => {
    const tenantId = await startTenant('trialing');
    expect((await t.call('POST', `/api/tenants/${tenantId}/billing/payment-link`, { token: await t.memberToken(tenantId, 'staff'), body: { kind: 'checkout' } })).status).toBe(403);
    expect((await t.call('POST', `/api/tenants/${tenantId}/billing/payment-link`, { token: platformOwner, body: { kind: 'cash' } })).status).toBe(400);
  });
});
