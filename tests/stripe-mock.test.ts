import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingActivities } from '../activities/billing.ts';
import type { BillingActivities, UsageActivities } from '../activities/contracts.ts';
import { createUsageActivities } from '../activities/usage.ts';
import { createDepositActivities } from '../activities/deposits.ts';
import { holdSlot } from '../prisma/bookings.ts';
import { randomUUID } from 'node:crypto';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import type { AppDeps } from '../api/context.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { stripeIdempotencyKey } from '../domain/billing.ts';
import { parseConfig } from '../domain/config.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { startStripeMock, type RunningStripeMock } from '../scripts/stripe-mock.ts';
import { serveLocally } from './serve-local.ts';
import { testStack, uniqueId } from './stack.ts';

// The billing lifecycle's Stripe calls — the real activities, through the official SDK — against
// stripe-mock, Stripe's own mock, which checks every request against Stripe's OpenAPI spec and
// answers 400 to one that does not match. It is stateless (fixture objects come back), so this
// checks that Stripe would take each request and that we can read its answers, not a lifecycle.
// A small recording proxy sits in front of it: any answer of 400 or more fails the test. Where a
// step only goes on for an object in a certain state (a completed Checkout session), the proxy
// gives stripe-mock's fixture that state — every request still goes to stripe-mock.
// stripe-mock v0.203.0 (the newest) carries the 2026-08-26.dahlia spec while the SDK sends
// 2026-10-28.endive, so it runs without -strict-version-check.

interface Exchange {
  method: string;
  path: string;
  status: number;
  error?: string;
}

let mock: RunningStripeMock;
let proxy: Awaited<ReturnType<typeof serveLocally>>;
let deps: AppDeps;
let billing: BillingActivities;
let usage: UsageActivities;
const exchanges: Exchange[] = [];
/** Gives an accepted answer the state a step needs (stripe-mock's fixtures are always the same). */
let shapeAnswer: ((method: string, path: string, answer: Record<string, unknown>) => Record<string, unknown>) | null = null;

/** Why stripe-mock could not start (no binary): every test then fails with it — never a skip. */
let unavailable: Error | undefined;
beforeEach(() => {
  if (unavailable) throw unavailable;
});

beforeAll(async () => {
  try {
    mock = await startStripeMock();
  } catch (error) {
    unavailable = error as Error;
    return;
  }
  proxy = await serveLocally(async (request) => {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    headers.delete('host');
    const body = request.method === 'GET' || request.method === 'DELETE' ? undefined : await request.arrayBuffer();
    const answer = await fetch(`${mock.url}${url.pathname}${url.search}`, { method: request.method, headers, body });
    let text = await answer.text();
    const exchange: Exchange = { method: request.method, path: url.pathname, status: answer.status };
    if (answer.status >= 400) exchange.error = text;
    else if (shapeAnswer) text = JSON.stringify(shapeAnswer(request.method, url.pathname, JSON.parse(text) as Record<string, unknown>));
    exchanges.push(exchange);
    return new Response(text, { status: answer.status, headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' } });
  });
  const stack = testStack();
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: stack.adminDatabaseUrl,
    APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    STRIPE_API_BASE_URL: proxy.url,
    STRIPE_SECRET_KEY: 'sk_test_stripemock',
    STRIPE_WEBHOOK_SECRET: 'whsec_stripemock',
  });
  deps = await createDeps(config, createLogger('silent'));
  billing = createBillingActivities(deps);
  usage = createUsageActivities(deps);
});
afterAll(async () => {
  if (deps) await closeDeps(deps);
  await proxy?.close();
  await mock?.stop();
});

/** Every request since `from` was one Stripe's spec accepts. */
function expectAccepted(from: number) {
  const refused = exchanges.slice(from).filter((e) => e.status >= 400);
  expect(refused, `stripe-mock refused: ${JSON.stringify(refused, null, 2)}`).toEqual([]);
}
const calls = (from: number) => exchanges.slice(from).map((e) => `${e.method} ${e.path.replace(/\/(cus|sub|cs|bps|si|seti|price|mtr|pm)_[A-Za-z0-9_]+/g, '/:id')}`);

const tenantId = uniqueId('mock');
const key = (step: string) => stripeIdempotencyKey(`billing:${tenantId}`, step);

describe('the billing lifecycle against stripe-mock (Stripe\'s OpenAPI spec)', () => {
  it('prices by lookup key, the customer and a trialing subscription', async () => {
    await deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro' } } } });
    const from = exchanges.length;
    const prices = await billing.ensurePrices();
    expect(Object.keys(prices)).toEqual(['starter', 'pro', 'elite']);
    const { customerId } = await billing.ensureCustomer({ tenantId, idempotencyKey: key('ensure-customer') });
    expect(customerId).toMatch(/^cus_/);
    const subscription = await billing.ensureSubscription({ tenantId, tier: 'pro', trialDays: 14, idempotencyKey: key('ensure-subscription') });
    expect(subscription).toMatchObject({ customerId, subscriptionId: expect.stringMatching(/^sub_/), status: expect.any(String) });
    expectAccepted(from);
    expect(calls(from)).toEqual(expect.arrayContaining(['GET /v1/prices', 'POST /v1/prices', 'POST /v1/customers', 'POST /v1/subscriptions']));
  });

  it('a plan change: an upgrade now, a downgrade for the next period', async () => {
    const from = exchanges.length;
    expect(await billing.changePlan({ tenantId, from: 'pro', to: 'elite', idempotencyKey: key('change-plan:1') })).toMatchObject({ timing: expect.stringMatching(/^(now|none)$/) });
    expect(await billing.changePlan({ tenantId, from: 'elite', to: 'starter', idempotencyKey: key('change-plan:2') })).toMatchObject({ timing: expect.stringMatching(/^(period_end|none)$/) });
    expectAccepted(from);
    expect(calls(from).filter((c) => c === 'POST /v1/subscriptions/:id')).toHaveLength(2);
  });

  it('Checkout (add a card) and Customer Portal links', async () => {
    const from = exchanges.length;
    expect((await billing.createCheckoutLink({ tenantId, returnPath: `/t/${tenantId}/billing`, idempotencyKey: key('checkout-link:1') })).url).toMatch(/^https:\/\//);
    expect((await billing.createPortalLink({ tenantId, returnPath: `/t/${tenantId}/billing`, idempotencyKey: key('portal-link:2') })).url).toMatch(/^https:\/\//);
    expectAccepted(from);
    expect(calls(from)).toEqual(['POST /v1/checkout/sessions', 'POST /v1/billing_portal/sessions']);
  });

  it('attaching the card Checkout saved: the customer\'s and the subscription\'s default, and a resume', async () => {
    const { stripeCustomerId } = await deps.db.tenantBilling.findUniqueOrThrow({ where: { tenantId } });
    // The session as Stripe has it once the owner saved a card; the subscription as a card-less trial left it.
    shapeAnswer = (method, path, answer) => {
      if (method === 'GET' && path.startsWith('/v1/checkout/sessions/')) return { ...answer, customer: stripeCustomerId, setup_intent: { id: 'seti_mock', object: 'setup_intent', payment_method: 'pm_card_visa', status: 'succeeded' } };
      if (method === 'POST' && /^\/v1\/subscriptions\/[^/]+$/.test(path)) return { ...answer, status: 'paused' };
      return answer;
    };
    const from = exchanges.length;
    try {
      expect(await billing.attachPaymentMethod({ tenantId, checkoutSessionId: 'cs_test_mock', idempotencyKey: key('attach-card:cs_test_mock') })).toEqual({ paymentMethodId: 'pm_card_visa', resumed: true });
    } finally {
      shapeAnswer = null;
    }
    expectAccepted(from);
    expect(calls(from)).toEqual(['GET /v1/checkout/sessions/:id', 'POST /v1/customers/:id', 'GET /v1/subscriptions/:id', 'POST /v1/subscriptions/:id', 'POST /v1/subscriptions/:id/resume']);
  });

  it('a session that saved no card is refused after one accepted request', async () => {
    const from = exchanges.length;
    await expect(billing.attachPaymentMethod({ tenantId, checkoutSessionId: 'cs_test_mock', idempotencyKey: key('attach-card:cs_test_mock2') })).rejects.toMatchObject({ type: 'StripeRejected' });
    expectAccepted(from);
    expect(calls(from)).toEqual(['GET /v1/checkout/sessions/:id']);
  });

  it('usage: meters, metered prices, metered subscription items and meter events', async () => {
    const period = new Date().toISOString().slice(0, 7);
    await forTenant(deps.db, tenantId).usageCounter.create({ data: { period, smsSegments: 12, callSeconds: 125 } });
    // The first report: no meter and no metered price exists yet, so both are created.
    shapeAnswer = (method, path, answer) => (method === 'GET' && (path === '/v1/prices' || path === '/v1/billing/meters') ? { ...answer, data: [], has_more: false } : answer);
    const from = exchanges.length;
    try {
      expect(await usage.reportTenantUsage({ tenantId, period })).toEqual({ smsSegments: 12, callMinutes: 3, sent: 2 });
    } finally {
      shapeAnswer = null;
    }
    expectAccepted(from);
    const made = calls(from);
    for (const call of ['POST /v1/billing/meters', 'POST /v1/prices', 'POST /v1/subscription_items', 'POST /v1/billing/meter_events']) expect(made.filter((c) => c === call), call).toHaveLength(2);

    // Last month's closing totals carry an explicit timestamp (its last second).
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    await forTenant(deps.db, tenantId).usageCounter.create({ data: { period: lastMonth, smsSegments: 3, callSeconds: 0 } });
    const closing = exchanges.length;
    expect(await usage.reportTenantUsage({ tenantId, period: lastMonth })).toEqual({ smsSegments: 3, callMinutes: 0, sent: 1 });
    expectAccepted(closing);
  });

  it('a booking deposit: a payment-mode Checkout session with price_data, metadata and return URLs', async () => {
    const tdb = forTenant(deps.db, tenantId);
    const service = await tdb.service.create({ data: { name: 'Full detail', durationMin: 120, priceCents: 20_000, depositCents: 5_000 } });
    await tdb.resource.create({ data: { name: 'Team' } });
    const customer = await tdb.customer.create({ data: { name: 'Dana', phone: '+19185551234', email: 'dana@example.com' } });
    const held = await holdSlot(deps.db, tenantId, { bookingId: randomUUID(), serviceId: service.id, customerId: customer.id, resourceId: null, source: 'web', holdMinutes: 30, depositCents: 5_000, start: new Date('2031-06-02T15:00:00Z') });
    if (!held.ok) throw new Error(held.reason);
    const from = exchanges.length;
    const link = await createDepositActivities(deps).createDepositCheckout({ tenantId, bookingId: held.booking.id });
    expect(link).toEqual({ url: expect.stringMatching(/^https:\/\//), sessionId: expect.stringMatching(/^cs_/) });
    expectAccepted(from);
    expect(calls(from)).toEqual(['POST /v1/checkout/sessions']);
  });

  it('cancel', async () => {
    const from = exchanges.length;
    await billing.cancelSubscription({ tenantId, idempotencyKey: key('cancel-subscription') });
    expectAccepted(from);
    expect(calls(from)[0]).toBe('GET /v1/subscriptions/:id');
  });
});
