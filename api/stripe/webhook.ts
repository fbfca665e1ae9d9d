import { Hono } from 'hono';
import Stripe from 'stripe';
import type { BillingEvent } from '../../domain/billing.ts';
import { stripeCredentials } from '../../domain/stripe-credentials.ts';
import { signalStripeEvent } from '../../workers/tenant-billing.ts';
import type { AppEnv } from '../context.ts';

type SignalledEvent = Extract<BillingEvent, { eventId: string }>;

/** How long the webhook waits for Temporal before answering 503 (Stripe then retries). */
const SIGNAL_DEADLINE_MS = 5_000;

const idOf = (value: unknown): string | null => (typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : null);

/** The decision input of a Stripe event, from the object's current state; null for a type we do not act on. */
export function billingEventOf(event: Stripe.Event): { customerId: string | null; signal: SignalledEvent } | null {
  const object = event.data.object as unknown as Record<string, unknown>;
  const customerId = idOf(object.customer);
  switch (event.type) {
    case 'invoice.paid':
      return { customerId, signal: { kind: 'invoice.paid', eventId: event.id, invoiceId: String(object.id) } };
    case 'invoice.payment_failed':
      return { customerId, signal: { kind: 'invoice.payment_failed', eventId: event.id, invoiceId: String(object.id), invoiceStatus: String(object.status ?? 'open') } };
    case 'customer.subscription.updated':
      return { customerId, signal: { kind: 'subscription.updated', eventId: event.id, subscriptionStatus: String(object.status), hasPaymentMethod: Boolean(object.default_payment_method) } };
    case 'customer.subscription.deleted':
      return { customerId, signal: { kind: 'subscription.deleted', eventId: event.id } };
    case 'customer.subscription.trial_will_end':
      return { customerId, signal: { kind: 'trial_will_end', eventId: event.id } };
    default:
      return null;
  }
}

/**
 * `POST /stripe/webhook`: verified on the raw body with the SDK; mapped from the Stripe customer to
 * its tenant (`tenant_billing`); handed to `billing:<tenantId>` as a signal carrying the event id.
 * Each event id is applied once: `stripe_events` drops a redelivery at the edge (recorded only
 * after the signal went through, so a failed signal is retried by Stripe), and the workflow
 * itself ignores an event id it has seen.
 */
export function stripeWebhookRoutes() {
  const app = new Hono<AppEnv>();
  const verifier = new Stripe('sk_unused_for_verification');

  app.post('/webhook', async (c) => {
    const { db, temporal, config, masterKey } = c.get('deps');
    const logger = c.get('logger');
    const payload = await c.req.text();
    const signature = c.req.header('stripe-signature') ?? '';
    let event: Stripe.Event;
    try {
      event = verifier.webhooks.constructEvent(payload, signature, stripeCredentials(config, masterKey).webhookSecret);
    } catch (error) {
      logger.warn({ err: error }, 'Stripe webhook with a bad signature: rejected');
      return c.json({ error: 'bad signature' }, 400);
    }

    const mapped = billingEventOf(event);
    if (!mapped) return c.json({ received: true, ignored: event.type });
    const billing = mapped.customerId ? await db.tenantBilling.findUnique({ where: { stripeCustomerId: mapped.customerId }, select: { tenantId: true } }) : null;
    if (!billing) {
      logger.warn({ eventId: event.id, type: event.type, customerId: mapped.customerId }, 'Stripe event for a customer no tenant has: ignored');
      return c.json({ received: true, ignored: 'unknown customer' });
    }
    if (await db.stripeEvent.findUnique({ where: { eventId: event.id }, select: { eventId: true } })) {
      return c.json({ received: true, duplicate: true });
    }
    try {
      await temporal.connection.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () => signalStripeEvent(temporal, billing.tenantId, mapped.signal));
    } catch (error) {
      logger.error({ err: error, eventId: event.id, tenantId: billing.tenantId }, 'Stripe event not signalled; Stripe will retry');
      return c.json({ error: 'try again' }, 503);
    }
    await db.stripeEvent.createMany({ data: [{ eventId: event.id, tenantId: billing.tenantId, type: event.type }], skipDuplicates: true });
    if (event.type === 'customer.subscription.updated') {
      // What the billing page shows; the decisions themselves are the workflow's.
      const subscription = event.data.object;
      const periodEnd = subscription.items?.data?.[0]?.current_period_end;
      await db.tenantBilling.update({
        where: { tenantId: billing.tenantId },
        data: { hasPaymentMethod: Boolean(subscription.default_payment_method), ...(periodEnd ? { currentPeriodEnd: new Date(periodEnd * 1000) } : {}) },
      });
    }
    return c.json({ received: true });
  });

  return app;
}
