import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { billingFixtures } from '../../tests/billing-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';

// `POST /stripe/webhook` as an attacker and a bad day see it: signatures from the future, signed
// bodies that are not Stripe events, and a database that fails halfway. Real Temporal and
// Postgres; events are signed with Stripe's own helper.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe', 'twilio'] });
});
afterAll(async () => t?.close());

const { durations, startTenant, post, invoice, status } = billingFixtures(() => t);
const signer = new Stripe('sk_test_signer_only');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A body signed with the webhook secret at `timestamp` (seconds), as Stripe signs it. */
async function deliver(payload: string, timestamp = nowSeconds()) {
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: t.stripe.webhookSecret, timestamp });
  const response = await t.app.request('/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}
const anEvent = (type = 'customer.created') => JSON.stringify({ id: uniqueId('evt'), object: 'event', type, data: { object: { id: 'cus_x', object: 'customer' } } });
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('Stripe webhook signatures', () => {
  it('refuses a signature timestamped more than 5 minutes in the future (or past), with the JSON error shape; clock skew inside ±5 min is fine', async () => {
    for (const skew of [10 * 60, 6 * 60, -6 * 60, 24 * 3600]) {
      const refused = await deliver(anEvent(), nowSeconds() + skew);
      expect(refused.status, `skew ${skew} s`).toBe(400);
      expect(refused.body).toMatchObject(errorShape);
    }
    for (const skew of [0, 2 * 60, -2 * 60]) expect((await deliver(anEvent(), nowSeconds() + skew)).status, `skew ${skew} s`).toBe(200);
  });

  it('a bad signature answers the JSON error shape', async () => {
    const response = await t.app.request('/stripe/webhook', { method: 'POST', headers: { 'stripe-signature': 't=1,v1=deadbeef' }, body: anEvent() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_signature', message: expect.stringMatching(/STRIPE_WEBHOOK_SECRET/) } });
  });
});

describe('signed bodies that are not Stripe events', () => {
  const id = () => uniqueId('evt');
  it.each([
    ['no data', () => JSON.stringify({ id: id(), object: 'event', type: 'invoice.paid' })],
    ['data.object null', () => JSON.stringify({ id: id(), object: 'event', type: 'invoice.paid', data: { object: null } })],
    ['data null', () => JSON.stringify({ id: id(), object: 'event', type: 'customer.created', data: null })],
    ['data.object a string', () => JSON.stringify({ id: id(), object: 'event', type: 'invoice.payment_failed', data: { object: 'in_1' } })],
    ['an array', () => '[]'],
    ['a string', () => '"invoice.paid"'],
    ['null', () => 'null'],
    ['a number', () => '42'],
    ['not JSON', () => 'id=evt_1&type=invoice.paid'],
    ['no id', () => JSON.stringify({ object: 'event', type: 'invoice.paid', data: { object: { id: 'in_1', customer: 'cus_1' } } })],
    ['no type', () => JSON.stringify({ id: id(), object: 'event', data: { object: { id: 'in_1', customer: 'cus_1' } } })],
    ['an invoice without an id', () => JSON.stringify({ id: id(), object: 'event', type: 'invoice.paid', data: { object: { customer: 'cus_1' } } })],
  ])('%s → 400 with the JSON error shape, never a 500', async (_name, body) => {
    const response = await deliver(body());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_event', message: expect.any(String) } });
  });

  it('an invoice event for a tenant with fields of the wrong type is refused before anything is written', async () => {
    const { tenantId, customerId } = await startTenant('active', durations());
    const inv = uniqueId('in');
    const body = JSON.stringify({ id: uniqueId('evt'), object: 'event', type: 'invoice.paid', data: { object: { id: inv, object: 'invoice', customer: customerId, status: 'paid', amount_due: 'lots', created: 'yesterday' } } });
    expect(await deliver(body)).toMatchObject({ status: 400, body: errorShape });
    expect(await t.deps.db.billingInvoice.findUnique({ where: { stripeInvoiceId: inv } })).toBeNull();
    expect(await t.deps.db.stripeEvent.count({ where: { tenantId } })).toBe(0);
  });
});

describe('Stripe events are acknowledged only with their effect', () => {
  it('an invoice whose row cannot be written is not recorded: the answer is not 2xx, and Stripe\'s retry applies it once', async () => {
    const { tenantId, customerId } = await startTenant('trialing', durations());
    const inv = uniqueId('in');
    const suffix = inv.replace(/[^a-z0-9]/gi, '_');
    try {
      // A real failure of the effect's write, for this one invoice only (other test files share the database).
      await t.adminSql(`CREATE FUNCTION fail_${suffix}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.stripe_invoice_id = '${inv}' THEN RAISE EXCEPTION 'billing_invoices unavailable (test)'; END IF; RETURN NEW; END $$`);
      await t.adminSql(`CREATE TRIGGER fail_${suffix} BEFORE INSERT OR UPDATE ON billing_invoices FOR EACH ROW EXECUTE FUNCTION fail_${suffix}()`);

      const first = await post('invoice.paid', invoice(customerId, inv, 'paid', { amount_due: 14_900, amount_paid: 14_900, currency: 'usd' }));
      expect(first.status).toBeGreaterThanOrEqual(500);
      expect(first.body).toMatchObject(errorShape);
      expect(await t.deps.db.stripeEvent.count({ where: { eventId: first.eventId } })).toBe(0);
      expect(await t.deps.db.billingInvoice.findUnique({ where: { stripeInvoiceId: inv } })).toBeNull();

      await t.adminSql(`DROP TRIGGER fail_${suffix} ON billing_invoices`);
      await t.adminSql(`DROP FUNCTION fail_${suffix}()`);

      // Stripe redelivers the same event.
      const retried = await post('invoice.paid', invoice(customerId, inv, 'paid', { amount_due: 14_900, amount_paid: 14_900, currency: 'usd' }), { id: first.eventId });
      expect(retried).toMatchObject({ status: 200, body: { received: true } });
      expect(retried.body).not.toHaveProperty('duplicate');
      expect(await t.deps.db.billingInvoice.findUnique({ where: { stripeInvoiceId: inv } })).toMatchObject({ tenantId, status: 'paid', amountPaidCents: 14_900 });
      expect(await t.deps.db.stripeEvent.count({ where: { eventId: first.eventId } })).toBe(1);

      const again = await post('invoice.paid', invoice(customerId, inv, 'paid'), { id: first.eventId });
      expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
      expect(await t.deps.db.stripeEvent.count({ where: { tenantId } })).toBe(1);
      await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
    } finally {
      await t.adminSql(`DROP TRIGGER IF EXISTS fail_${suffix} ON billing_invoices`).catch(() => {});
      await t.adminSql(`DROP FUNCTION IF EXISTS fail_${suffix}()`).catch(() => {});
    }
  });
});
