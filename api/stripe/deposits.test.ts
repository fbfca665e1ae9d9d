// A booking's deposit through Stripe Checkout, end to end offline: the activity creates one
// payment session per booking on the Stripe sandbox; the sandbox's page "pays" and delivers a
// signed checkout.session.completed to our /stripe/webhook, as Stripe does; the webhook signals
// depositPaidSignal to booking:<tenant>:<id> once per event id. Real Postgres and Temporal (a
// listener workflow stands in for the booking workflow, which is part B's).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepositActivities } from '../../activities/deposits.ts';
import { stripeHostOptions } from '../../activities/stripe-client.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { findBooking, holdSlot } from '../../prisma/bookings.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { serveLocally } from '../../tests/serve-local.ts';
import { uniqueId } from '../../tests/stack.ts';
import { withTestWorker } from '../../tests/test-worker.ts';
import { createStripeSandbox, type StripeSandbox } from '../sandbox/stripe.ts';

let t: TestApp;
let api: Awaited<ReturnType<typeof serveLocally>>;
let pay: Awaited<ReturnType<typeof serveLocally>>;
/** A Stripe sandbox whose pages deliver to this app's webhook (the one `npm start` mounts does the same). */
let sandbox: StripeSandbox;
let stripe: Stripe;
const tenantId = uniqueId('deposit');
let serviceId: string;
let customerId: string;
let slotDay = 0;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe', 'twilio'] });
  api = await serveLocally((request) => t.app.fetch(request));
  pay = await serveLocally((request) => sandbox.app.fetch(request));
  sandbox = createStripeSandbox({ secretKey: t.stripe.secretKey, webhookSecret: t.stripe.webhookSecret, publicUrl: pay.url, webhookUrl: `${api.url}/stripe/webhook` });
  const { prefix: _none, ...host } = stripeHostOptions(pay.url);
  stripe = new Stripe(t.stripe.secretKey, { ...host, maxNetworkRetries: 0, telemetry: false });

  const db = t.deps.db;
  await db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: 'Deposit test' } } } });
  const tdb = forTenant(db, tenantId);
  serviceId = (await tdb.service.create({ data: { name: 'Ceramic coating', durationMin: 240, priceCents: 80_000, depositCents: 10_000 } })).id;
  await tdb.resource.create({ data: { name: 'Team' } });
  customerId = (await tdb.customer.create({ data: { name: 'Dana', phone: '+19185551234', email: 'dana@example.com' } })).id;
});
afterAll(async () => {
  await pay?.close();
  await api?.close();
  await t?.close();
});

/** A held booking asking a $100 deposit, on a day of its own. */
async function heldBooking() {
  slotDay += 1;
  const held = await holdSlot(t.deps.db, tenantId, {
    bookingId: randomUUID(), serviceId, customerId, resourceId: null, source: 'web', holdMinutes: 30, depositCents: 10_000,
    start: new Date(Date.UTC(2031, 4, slotDay, 15)),
  });
  if (!held.ok) throw new Error(`hold refused: ${held.reason}`);
  return held.booking.id;
}

/** Runs `run` while a listener workflow holds the booking's workflow id; returns the deposits it was signalled. */
async function listening(bookingId: string, run: () => Promise<void>) {
  const client = t.deps.temporal;
  return withTestWorker({ activities: {}, workflows: { workflowsPath: path.resolve(import.meta.dirname, '../../tests/deposit-listener-workflow.ts') } }, async (taskQueue) => {
    const handle = await client.workflow.start('depositListener', { taskQueue, workflowId: workflowIds.booking(tenantId, bookingId) });
    await run();
    await handle.signal('stopListening');
    return (await handle.result()) as Array<{ checkoutSessionId: string; eventId: string }>;
  });
}

async function deliver(payload: string, signature: string) {
  const response = await t.app.request('/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('createDepositCheckout', () => {
  it('a payment-mode session for the deposit, with the booking in its metadata and the business site to come back to; asking again returns the same session', async () => {
    const bookingId = await heldBooking();
    const deposits = createDepositActivities(t.deps);
    const first = await deposits.createDepositCheckout({ tenantId, bookingId });
    expect(first.url).toMatch(/\/pay\/cs_test_/);
    expect((await findBooking(t.deps.db, tenantId, bookingId))?.checkoutSessionId).toBe(first.sessionId);

    const session = t.stripe.sessions().find((s) => s.id === first.sessionId)!;
    expect(session).toMatchObject({ mode: 'payment', amount_total: 10_000, currency: 'usd', payment_status: 'unpaid', metadata: { tenant_id: tenantId, booking_id: bookingId }, customer_email: 'dana@example.com' });
    expect(session.success_url).toBe(`${t.deps.config.PUBLIC_BASE_URL}/s/${tenantId}/book?booking=${bookingId}&deposit=paid`);
    expect(session.cancel_url).toMatch(/deposit=cancelled$/);

    // A retried activity, and a later ask: the same session, never a second one.
    expect(await deposits.createDepositCheckout({ tenantId, bookingId })).toEqual(first);
    expect(await createDepositActivities(t.deps).createDepositCheckout({ tenantId, bookingId })).toEqual(first);
    expect(t.stripe.sessions().filter((s) => (s.metadata as Record<string, string>).booking_id === bookingId)).toHaveLength(1);
    const creates = t.stripe.requests().filter((r) => r.path === '/v1/checkout/sessions' && r.method === 'POST' && (r.params.metadata as Record<string, string>)?.booking_id === bookingId);
    expect(new Set(creates.map((r) => r.idempotencyKey))).toEqual(new Set([`servicepro:deposit:${tenantId}:${bookingId}`]));
  });

  it('a lost Stripe answer is retried with the same key: still one session', async () => {
    const bookingId = await heldBooking();
    const deposits = createDepositActivities(t.deps);
    t.stripe.failNext(1, { path: '/checkout/sessions', afterCommit: true });
    await expect(deposits.createDepositCheckout({ tenantId, bookingId })).rejects.toThrow();
    const again = await deposits.createDepositCheckout({ tenantId, bookingId });
    expect(t.stripe.sessions().filter((s) => (s.metadata as Record<string, string>).booking_id === bookingId).map((s) => s.id)).toEqual([again.sessionId]);
  });

  it('a booking without a deposit, or one that does not exist, fails for good', async () => {
    const deposits = createDepositActivities(t.deps);
    await expect(deposits.createDepositCheckout({ tenantId, bookingId: randomUUID() })).rejects.toMatchObject({ type: 'BookingNotFound', nonRetryable: true });
    slotDay += 1;
    const free = await holdSlot(t.deps.db, tenantId, { bookingId: randomUUID(), serviceId, customerId, resourceId: null, source: 'owner', holdMinutes: 5, start: new Date(Date.UTC(2031, 4, slotDay, 15)) });
    await expect(deposits.createDepositCheckout({ tenantId, bookingId: free.ok ? free.booking.id : '' })).rejects.toMatchObject({ type: 'NoDeposit' });
  });
});

describe('paying the deposit', () => {
  it('the sandbox page pays and delivers a signed checkout.session.completed; the booking workflow is signalled once, however often Stripe redelivers', async () => {
    const bookingId = await heldBooking();
    const { url, sessionId } = await createDepositActivities(t.deps, { stripe }).createDepositCheckout({ tenantId, bookingId });
    const path = new URL(url).pathname;

    const received = await listening(bookingId, async () => {
      const page = await sandbox.app.request(path);
      expect(await page.text()).toContain('Pay $100.00');
      const paid = await sandbox.app.request(path, { method: 'POST' });
      expect(paid.status).toBe(303);
      expect(paid.headers.get('location')).toMatch(new RegExp(`/s/${tenantId}/book\\?booking=${bookingId}&deposit=paid$`));

      // Stripe delivers at least once: the same event again is acknowledged and not applied.
      const session = sandbox.sessions().find((s) => s.id === sessionId)!;
      expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
      const { event, payload, signature } = sandbox.signedEvent('checkout.session.completed', session);
      expect(await deliver(payload, signature)).toEqual({ status: 200, body: { received: true } });
      expect(await deliver(payload, signature)).toEqual({ status: 200, body: { received: true, duplicate: true } });
      // The forged copy (another secret) is refused before anything is looked up.
      const forged = sandbox.signedEvent('checkout.session.completed', session, { id: event.id.replace('evt_', 'evt_f'), secret: 'whsec_not_ours' });
      expect((await deliver(forged.payload, forged.signature)).status).toBe(400);
    });

    expect(received).toHaveLength(2);
    expect(received.every((r) => r.checkoutSessionId === sessionId)).toBe(true);
    // The page's delivery and the test's event: two event ids, each once.
    expect(new Set(received.map((r) => r.eventId)).size).toBe(2);
  });

  it('a paid session for a booking we do not have is acknowledged, recorded and not retried', async () => {
    const session = { id: `cs_test_${randomUUID().replace(/-/g, '').slice(0, 24)}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { tenant_id: tenantId, booking_id: randomUUID() } };
    const { payload, signature } = t.stripe.signedEvent('checkout.session.completed', session);
    expect(await deliver(payload, signature)).toEqual({ status: 200, body: { received: true, ignored: 'unknown booking' } });
    expect(await deliver(payload, signature)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const other = t.stripe.signedEvent('checkout.session.completed', { ...session, metadata: { tenant_id: 'no-such-tenant', booking_id: 'not-a-uuid' } });
    expect((await deliver(other.payload, other.signature)).body).toMatchObject({ received: true, ignored: 'checkout.session.completed' });
  });

  it('a paid deposit whose booking workflow is not running is recorded, not retried forever', async () => {
    const bookingId = await heldBooking();
    const session = { id: `cs_test_${randomUUID().replace(/-/g, '').slice(0, 24)}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { tenant_id: tenantId, booking_id: bookingId } };
    const { payload, signature } = t.stripe.signedEvent('checkout.session.completed', session);
    expect(await deliver(payload, signature)).toEqual({ status: 200, body: { received: true, ignored: 'booking not running' } });
    expect((await deliver(payload, signature)).body).toEqual({ received: true, duplicate: true });
  });
});
