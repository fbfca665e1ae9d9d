import { Hono } from 'hono';
import Stripe from 'stripe';
import type { BillingEvent } from '../../domain/billing.ts';
import { stripeCredentials } from '../../domain/stripe-credentials.ts';
import { signalStripeEvent } from '../../workers/tenant-billing.ts';
import type { PrismaClient } from '../../prisma/client.ts';
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
    case 'checkout.session.completed':
      // Only the add-a-card session (setup mode) matters to billing; Stripe handles paid checkouts itself.
      if (object.mode !== 'setup') return null;
      return { customerId, signal: { kind: 'payment_method.added', eventId: event.id, checkoutSessionId: String(object.id) } };
    default:
      return null;
  }
}

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/**
 * The invoice as the billing page lists it. Events arrive in any order, so a paid or void invoice
 * never goes back to open: the row only changes while it is still unsettled.
 */
async function rememberInvoice(db: PrismaClient, tenantId: string, invoice: Stripe.Invoice) {
  const line = invoice.lines?.data?.[0]?.period;
  const periodStart = fromUnix(line?.start ?? invoice.period_start);
  const periodEnd = fromUnix(line?.end ?? invoice.period_end);
  const issuedAt = fromUnix(invoice.created) ?? new Date();
  await db.$executeRaw`
    INSERT INTO billing_invoices (stripe_invoice_id, tenant_id, number, status, amount_due_cents, amount_paid_cents, currency, hosted_invoice_url, period_start, period_end, issued_at, updated_at)
    VALUES (${invoice.id}, ${tenantId}, ${invoice.number ?? null}, ${invoice.status ?? 'open'}, ${invoice.amount_due ?? 0}, ${invoice.amount_paid ?? 0}, ${invoice.currency ?? 'usd'},
            ${invoice.hosted_invoice_url ?? null}, ${periodStart}, ${periodEnd}, ${issuedAt}, now())
    ON CONFLICT (stripe_invoice_id) DO UPDATE SET
      number = EXCLUDED.number, status = EXCLUDED.status, amount_due_cents = EXCLUDED.amount_due_cents, amount_paid_cents = EXCLUDED.amount_paid_cents,
      hosted_invoice_url = EXCLUDED.hosted_invoice_url, updated_at = now()
    WHERE billing_invoices.status NOT IN ('paid', 'void')`;
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
    if (event.type.startsWith('invoice.')) await rememberInvoice(db, billing.tenantId, event.data.object as Stripe.Invoice);
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
