import { ApplicationFailure } from '@temporalio/common';
import type Stripe from 'stripe';
import { planChangeTiming, priceLookupKey } from '../domain/billing.ts';
import { isPermanentRejection } from '../domain/provider-errors.ts';
import { TENANT_TIERS, type TenantTier } from '../domain/tenancy.ts';
import { createBillingRecordActivities } from './billing-records.ts';
import type { BillingActivities, BillingSubscription } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import { createStripeClient } from './stripe-client.ts';

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/**
 * Where Stripe sends the owner back: a path inside the app. Anything else (`//host`, `@host`, a
 * scheme) would turn Checkout's success URL into an open redirect, so it is refused before Stripe is called.
 */
export function appReturnUrl(publicBaseUrl: string, path: string): string {
  const base = new URL(publicBaseUrl);
  const inside = /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f\\]/.test(path);
  const url = inside ? new URL(`${publicBaseUrl}${path}`) : null;
  if (!url || url.origin !== base.origin) {
    throw ApplicationFailure.create({ message: `The return path must be a path inside ServicePro (such as /billing), not ${JSON.stringify(path.slice(0, 100))}.`, type: 'BadReturnPath', nonRetryable: true });
  }
  return url.href;
}

/** A Stripe refusal that would be the same on every retry fails for good (domain/provider-errors.ts). */
function rethrow(error: unknown): never {
  const e = error as { statusCode?: number; message?: string; type?: string };
  if (isPermanentRejection(e.statusCode)) {
    throw ApplicationFailure.create({ message: e.message ?? String(error), type: 'StripeRejected', nonRetryable: true, details: [{ status: e.statusCode, type: e.type }] });
  }
  throw error;
}

/**
 * Stripe for the billing workflow. `tenant_billing` (a platform table: ids and dates only) remembers
 * the customer and subscription, so a step that already happened is not repeated; the idempotency
 * key covers the window between Stripe's answer and that row being written.
 */
export function createBillingActivities(deps: ActivityDeps, options: { stripe?: Stripe } = {}): BillingActivities {
  const { db, config } = deps;
  const stripe = options.stripe ?? createStripeClient(config, deps.masterKey);
  const amounts: Record<TenantTier, number> = {
    starter: config.BILLING_PRICE_STARTER_CENTS,
    pro: config.BILLING_PRICE_PRO_CENTS,
    elite: config.BILLING_PRICE_ELITE_CENTS,
  };
  const returnUrl = (path = '/billing') => appReturnUrl(config.PUBLIC_BASE_URL, path);

  async function billingRow(tenantId: string) {
    const row = await db.tenantBilling.findUnique({ where: { tenantId } });
    if (!row?.stripeCustomerId) throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} has no Stripe customer yet.`, 'NoStripeCustomer');
    return { ...row, stripeCustomerId: row.stripeCustomerId };
  }

  async function ensurePrices(): Promise<Record<TenantTier, string>> {
    const lookupKeys = TENANT_TIERS.map(priceLookupKey);
    const find = async () => new Map((await stripe.prices.list({ lookup_keys: lookupKeys, active: true, limit: 10 })).data.map((p) => [p.lookup_key, p.id]));
    const found = await find();
    for (const tier of TENANT_TIERS) {
      const lookupKey = priceLookupKey(tier);
      if (found.has(lookupKey)) continue;
      try {
        const price = await stripe.prices.create(
          { currency: 'usd', unit_amount: amounts[tier], recurring: { interval: 'month' }, lookup_key: lookupKey, product_data: { name: `ServicePro ${tier[0]!.toUpperCase()}${tier.slice(1)}` } },
          { idempotencyKey: `servicepro:price:${lookupKey}:${amounts[tier]}` },
        );
        found.set(lookupKey, price.id);
      } catch (error) {
        // Another worker created it meanwhile (the lookup key is taken): use theirs.
        const again = await find();
        if (!again.has(lookupKey)) rethrow(error);
        found.set(lookupKey, again.get(lookupKey)!);
      }
    }
    return Object.fromEntries(TENANT_TIERS.map((tier) => [tier, found.get(priceLookupKey(tier))!])) as Record<TenantTier, string>;
  }

  async function ensureCustomer({ tenantId, idempotencyKey }: { tenantId: string; idempotencyKey: string }) {
    const existing = await db.tenantBilling.findUnique({ where: { tenantId }, select: { stripeCustomerId: true } });
    if (existing?.stripeCustomerId) return { customerId: existing.stripeCustomerId };
    // Only ids in Stripe's metadata: the webhook maps the customer back through tenant_billing.
    const customer = await stripe.customers.create({ metadata: { tenant_id: tenantId } }, { idempotencyKey }).catch(rethrow);
    await db.tenantBilling.upsert({ where: { tenantId }, create: { tenantId, stripeCustomerId: customer.id }, update: { stripeCustomerId: customer.id } });
    return { customerId: customer.id };
  }

  function describe(customerId: string, subscription: Stripe.Subscription): BillingSubscription {
    return {
      customerId,
      subscriptionId: subscription.id,
      status: subscription.status,
      trialEndsAt: fromUnix(subscription.trial_end)?.toISOString() ?? null,
      currentPeriodEnd: fromUnix(subscription.items.data[0]?.current_period_end)?.toISOString() ?? null,
    };
  }

  async function ensureSubscription(input: { tenantId: string; tier: TenantTier; trialDays: number; idempotencyKey: string }): Promise<BillingSubscription> {
    const row = await billingRow(input.tenantId);
    if (row.stripeSubscriptionId) return describe(row.stripeCustomerId, await stripe.subscriptions.retrieve(row.stripeSubscriptionId).catch(rethrow));
    return describe(row.stripeCustomerId, await startSubscription({ ...input, customerId: row.stripeCustomerId }));
  }

  /** A new subscription on the plan, remembered in tenant_billing; with a trial it pauses when the trial ends without a card. */
  async function startSubscription(input: { tenantId: string; customerId: string; tier: TenantTier; trialDays: number; idempotencyKey: string; paymentMethodId?: string }) {
    const prices = await ensurePrices();
    const subscription = await stripe.subscriptions
      .create(
        {
          customer: input.customerId,
          items: [{ price: prices[input.tier] }],
          metadata: { tenant_id: input.tenantId },
          ...(input.paymentMethodId ? { default_payment_method: input.paymentMethodId } : {}),
          ...(input.trialDays > 0 ? { trial_period_days: input.trialDays, trial_settings: { end_behavior: { missing_payment_method: 'pause' as const } } } : {}),
        },
        { idempotencyKey: input.idempotencyKey },
      )
      .catch(rethrow);
    await db.tenantBilling.update({
      where: { tenantId: input.tenantId },
      data: { stripeSubscriptionId: subscription.id, trialEndsAt: fromUnix(subscription.trial_end), currentPeriodEnd: fromUnix(subscription.items.data[0]?.current_period_end) },
    });
    return subscription;
  }

  /** The card becomes the subscription's; a paused one resumes, and one cancelled at closing (a reopened business) is started again on its plan. */
  async function billWithCard(tenantId: string, subscriptionId: string, paymentMethodId: string, idempotencyKey: string): Promise<boolean> {
    const current = await stripe.subscriptions.retrieve(subscriptionId).catch(rethrow);
    if (current.status === 'canceled') {
      const { tier } = await db.tenantConfig.findUniqueOrThrow({ where: { tenantId }, select: { tier: true } });
      await startSubscription({ tenantId, customerId: String(current.customer), tier, trialDays: 0, paymentMethodId, idempotencyKey: `${idempotencyKey}:restart` });
      return true;
    }
    const subscription = await stripe.subscriptions.update(subscriptionId, { default_payment_method: paymentMethodId }, { idempotencyKey: `${idempotencyKey}:subscription` }).catch(rethrow);
    if (subscription.status !== 'paused') return false;
    // A trial that ended without a card paused the subscription: billing starts now (Stripe's default anchor on resume).
    await stripe.subscriptions.resume(subscriptionId, {}, { idempotencyKey: `${idempotencyKey}:resume` }).catch(rethrow);
    return true;
  }

  return {
    ensurePrices,
    ensureCustomer,
    ensureSubscription,

    async changePlan({ tenantId, from, to, idempotencyKey, prorate }) {
      const timing = planChangeTiming(from, to);
      const row = await billingRow(tenantId);
      if (timing === 'none' || !row.stripeSubscriptionId) return { timing: 'none' as const, currentPeriodEnd: row.currentPeriodEnd?.toISOString() ?? null };
      const subscription = await stripe.subscriptions.retrieve(row.stripeSubscriptionId).catch(rethrow);
      // The plan's item (the subscription also carries the metered usage items).
      const planKeys = new Set(TENANT_TIERS.map(priceLookupKey));
      const item = subscription.items.data.find((i) => i.price.lookup_key !== null && planKeys.has(i.price.lookup_key)) ?? subscription.items.data[0];
      const prices = await ensurePrices();
      const currentPeriodEnd = fromUnix(item?.current_period_end)?.toISOString() ?? null;
      if (!item || item.price.id === prices[to]) return { timing: 'none' as const, currentPeriodEnd };
      // Upgrade: the difference is invoiced now. Downgrade: no credit; the lower price applies from the next period.
      await stripe.subscriptions
        .update(row.stripeSubscriptionId, { items: [{ id: item.id, price: prices[to] }], proration_behavior: timing === 'now' && prorate !== false ? 'always_invoice' : 'none' }, { idempotencyKey })
        .catch(rethrow);
      return { timing, currentPeriodEnd };
    },

    async attachPaymentMethod({ tenantId, checkoutSessionId, idempotencyKey }) {
      const row = await billingRow(tenantId);
      const session = await stripe.checkout.sessions.retrieve(checkoutSessionId, { expand: ['setup_intent'] }).catch(rethrow);
      const setupIntent = session.setup_intent;
      const paymentMethod = setupIntent && typeof setupIntent === 'object' ? setupIntent.payment_method : null;
      const paymentMethodId = typeof paymentMethod === 'string' ? paymentMethod : (paymentMethod?.id ?? null);
      if (session.customer !== row.stripeCustomerId || !paymentMethodId) {
        throw ApplicationFailure.nonRetryable(`Checkout session ${checkoutSessionId} saved no card for this tenant.`, 'StripeRejected');
      }
      await stripe.customers.update(row.stripeCustomerId, { invoice_settings: { default_payment_method: paymentMethodId } }, { idempotencyKey: `${idempotencyKey}:customer` }).catch(rethrow);
      // Recorded before the subscription resumes: once billing runs again, the card is already on file here too.
      await db.tenantBilling.update({ where: { tenantId }, data: { hasPaymentMethod: true } });
      const resumed = row.stripeSubscriptionId ? await billWithCard(tenantId, row.stripeSubscriptionId, paymentMethodId, idempotencyKey) : false;
      return { paymentMethodId, resumed };
    },

    async cancelSubscription({ tenantId, idempotencyKey }) {
      const row = await db.tenantBilling.findUnique({ where: { tenantId } });
      if (!row?.stripeSubscriptionId) return { canceled: false };
      const subscription = await stripe.subscriptions.retrieve(row.stripeSubscriptionId).catch(rethrow);
      if (subscription.status === 'canceled') return { canceled: false };
      await stripe.subscriptions.cancel(row.stripeSubscriptionId, {}, { idempotencyKey }).catch(rethrow);
      return { canceled: true };
    },

    async createCheckoutLink({ tenantId, idempotencyKey, returnPath }) {
      const row = await billingRow(tenantId);
      const session = await stripe.checkout.sessions
        .create({ mode: 'setup', customer: row.stripeCustomerId, currency: 'usd', success_url: returnUrl(returnPath), cancel_url: returnUrl(returnPath) }, { idempotencyKey })
        .catch(rethrow);
      if (!session.url) throw ApplicationFailure.nonRetryable('Stripe returned a Checkout session without a URL.', 'StripeRejected');
      return { url: session.url };
    },

    async createPortalLink({ tenantId, idempotencyKey, returnPath }) {
      const row = await billingRow(tenantId);
      const session = await stripe.billingPortal.sessions.create({ customer: row.stripeCustomerId, return_url: returnUrl(returnPath) }, { idempotencyKey }).catch(rethrow);
      return { url: session.url };
    },

    // Tier, status and the owner's contacts: our own records (billing-records.ts).
    ...createBillingRecordActivities(db, config.PUBLIC_BASE_URL),
  };
}
