import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localStripeSandbox, parseStripeForm, stripeSandboxRoutes } from '../api/sandbox/stripe.ts';
import { parseConfig } from '../domain/config.ts';
import { stripeCredentials } from '../domain/stripe-credentials.ts';
import { freePort } from '../scripts/ports.ts';
import { startStripeFake, type StripeFake } from '../tests/stripe-fake.ts';
import { createStripeClient, stripeHostOptions } from './stripe-client.ts';

const masterKey = randomBytes(32);
const baseEnv = { SERVICEPRO_ENCRYPTION_KEY: masterKey.toString('base64'), NODE_ENV: 'test' };

describe('Stripe sandbox plumbing', () => {
  it('parses Stripe form encoding into nested objects and arrays', () => {
    expect(parseStripeForm('customer=cus_1&items[0][price]=p1&items[1][price]=p2&lookup_keys[]=a&lookup_keys[]=b&metadata[tenant_id]=t1&recurring[interval]=month')).toEqual({
      customer: 'cus_1',
      items: [{ price: 'p1' }, { price: 'p2' }],
      lookup_keys: ['a', 'b'],
      metadata: { tenant_id: 't1' },
      recurring: { interval: 'month' },
    });
  });

  it('maps a base URL to the SDK host options, keeping a path prefix', () => {
    expect(stripeHostOptions(undefined)).toEqual({ prefix: '' });
    expect(stripeHostOptions('http://127.0.0.1:4010')).toEqual({ host: '127.0.0.1', port: 4010, protocol: 'http', prefix: '' });
    expect(stripeHostOptions('https://proxy.example.com/sandbox/stripe/')).toEqual({ host: 'proxy.example.com', port: 443, protocol: 'https', prefix: '/sandbox/stripe' });
  });
});

describe('createStripeClient with STRIPE_API_BASE_URL', () => {
  let fake: StripeFake;
  let stripe: Stripe;
  beforeAll(async () => {
    fake = await startStripeFake();
    stripe = createStripeClient(parseConfig({ ...baseEnv, ...fake.env }), masterKey);
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake?.close());

  it('creates and retrieves customers through the official SDK; the same Idempotency-Key never creates twice', async () => {
    const first = await stripe.customers.create({ metadata: { tenant_id: 't1' } }, { idempotencyKey: 'billing:t1:ensure-customer' });
    const again = await stripe.customers.create({ metadata: { tenant_id: 't1' } }, { idempotencyKey: 'billing:t1:ensure-customer' });
    expect(again.id).toBe(first.id);
    expect(fake.customers()).toHaveLength(1);
    expect(fake.requests().map((r) => r.idempotencyKey)).toEqual(['billing:t1:ensure-customer', 'billing:t1:ensure-customer']);
    expect((await stripe.customers.retrieve(first.id)).id).toBe(first.id);
    await expect(stripe.customers.retrieve('cus_missing')).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404 });
  });

  it('lists prices by lookup key, creates subscriptions with a trial, updates them, and opens Checkout and Portal sessions', async () => {
    const price = await stripe.prices.create({ currency: 'usd', unit_amount: 14_900, recurring: { interval: 'month' }, lookup_key: 'servicepro_pro_monthly', product_data: { name: 'Pro' } });
    await expect(stripe.prices.create({ currency: 'usd', unit_amount: 1, recurring: { interval: 'month' }, lookup_key: 'servicepro_pro_monthly', product_data: { name: 'Pro' } })).rejects.toMatchObject({ statusCode: 400 });
    const listed = await stripe.prices.list({ lookup_keys: ['servicepro_pro_monthly', 'other'] });
    expect(listed.data.map((p) => p.id)).toEqual([price.id]);

    const customer = await stripe.customers.create({});
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], trial_period_days: 14 });
    expect(subscription).toMatchObject({ status: 'trialing', customer: customer.id });
    expect(subscription.trial_end! - subscription.trial_start!).toBe(14 * 86_400);

    const elite = await stripe.prices.create({ currency: 'usd', unit_amount: 29_900, recurring: { interval: 'month' }, lookup_key: 'servicepro_elite_monthly', product_data: { name: 'Elite' } });
    const updated = await stripe.subscriptions.update(subscription.id, { items: [{ id: subscription.items.data[0]!.id, price: elite.id }], proration_behavior: 'always_invoice' });
    expect(updated.items.data[0]!.price.id).toBe(elite.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]!.price.id).toBe(elite.id);

    const checkout = await stripe.checkout.sessions.create({ mode: 'setup', customer: customer.id, currency: 'usd', success_url: 'http://x/ok', cancel_url: 'http://x/cancel' });
    expect(checkout.url).toBe(`${fake.url}/pay/${checkout.id}`);
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://x/billing' });
    expect(portal.url).toBe(`${fake.url}/portal/${portal.id}`);
  });

  it('fails like a Stripe outage; a retry with the same key after a lost response returns the first result', async () => {
    fake.failNext(1, { path: '/customers' });
    await expect(stripe.customers.create({}, { idempotencyKey: 'k1' })).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.customers()).toHaveLength(0);

    fake.failNext(1, { path: '/customers', afterCommit: true });
    await expect(stripe.customers.create({}, { idempotencyKey: 'k2' })).rejects.toMatchObject({ statusCode: 500 });
    const retried = await stripe.customers.create({}, { idempotencyKey: 'k2' });
    expect(fake.customers().map((c) => c.id)).toEqual([retried.id]);
  });

  it('refuses a wrong key', async () => {
    const wrong = createStripeClient(parseConfig({ ...baseEnv, ...fake.env, STRIPE_SECRET_KEY: 'sk_test_wrong' }), masterKey);
    await expect(wrong.customers.create({})).rejects.toMatchObject({ statusCode: 401 });
  });

  it('signs webhook events that the SDK verifies with the webhook secret', () => {
    const { payload, signature, event } = fake.signedEvent('invoice.paid', { id: 'in_1', object: 'invoice', customer: 'cus_1' });
    const verified = stripe.webhooks.constructEvent(payload, signature, fake.webhookSecret);
    expect(verified).toMatchObject({ id: event.id, type: 'invoice.paid', data: { object: { id: 'in_1' } } });
    expect(() => stripe.webhooks.constructEvent(payload, signature, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});

describe('the local Stripe sandbox (no secret key)', () => {
  it('is mounted under the API at /sandbox/stripe and reached by the client at PUBLIC_BASE_URL', async () => {
    const port = await freePort();
    const config = parseConfig({ ...baseEnv, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
    expect(stripeCredentials(config, masterKey)).toMatchObject({ sandbox: true, secretKey: expect.stringMatching(/^sk_test_/), webhookSecret: expect.stringMatching(/^whsec_/) });
    const api = new Hono().route('/sandbox/stripe', stripeSandboxRoutes({ config, masterKey }));
    const server = serve({ fetch: api.fetch, port, hostname: '127.0.0.1' });
    try {
      const customer = await createStripeClient(config, masterKey).customers.create({ metadata: { tenant_id: 'offline' } });
      expect(localStripeSandbox({ config, masterKey })!.customers().map((c) => c.id)).toContain(customer.id);
    } finally {
      server.close();
    }
  });

  it('is not mounted when a real key is configured', async () => {
    const config = parseConfig({ ...baseEnv, STRIPE_SECRET_KEY: 'sk_test_real', STRIPE_WEBHOOK_SECRET: 'whsec_real' });
    expect(localStripeSandbox({ config, masterKey })).toBeNull();
    expect((await stripeSandboxRoutes({ config, masterKey }).request('/v1/customers', { method: 'POST' })).status).toBe(404);
  });
});
