import { Hono } from 'hono';
import { stripeCredentials } from '../../domain/stripe-credentials.ts';
import { signalStripeEvent } from '../../workers/client/tenant-billing.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';
import { applyDepositPaid, depositPaidOf } from './deposits.ts';
import { billingEventOf, InvalidStripeEvent, SignatureRefused, verifiedStripeEvent, type BillingRecord, type StripeInvoiceFields } from './events.ts';

/** How long the webhook waits for Temporal before answering 503 (Stripe then retries). */
const SIGNAL_DEADLINE_MS = 5_000;

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

type Tx = Prisma.TransactionClient | PrismaClient;

/**
 * The invoice as the billing page lists it. Events arrive in any order, so a paid or void invoice
 * never goes back to open: the row only changes while it is still unsettled.
 */
async function rememberInvoice(db: Tx, tenantId: string, invoice: StripeInvoiceFields) {
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

async function applyRecord(db: Tx, tenantId: string, record: BillingRecord) {
  if (record.kind === 'invoice') return rememberInvoice(db, tenantId, record.invoice);
  await db.tenantBilling.update({
    where: { tenantId },
    data: { hasPaymentMethod: record.hasPaymentMethod, ...(record.currentPeriodEnd ? { currentPeriodEnd: new Date(record.currentPeriodEnd * 1000) } : {}) },
  });
}

const BAD_SIGNATURE = 'The stripe-signature header does not match this body or is more than 5 minutes from now. Check that STRIPE_WEBHOOK_SECRET is the signing secret of this endpoint.';

/**
 * `POST /stripe/webhook`: verified on the raw body with the SDK (and its timestamp within ±5 min);
 * mapped from the Stripe customer to its tenant (`tenant_billing`); handed to `billing:<tenantId>`
 * as a signal carrying the event id. Each event id is applied once: `stripe_events` drops a
 * redelivery at the edge, and the workflow itself ignores an event id it has seen. The event is
 * recorded only after the signal went through, and in one transaction with what the billing page
 * keeps of it (the invoice, the card and period): if that write fails, nothing is recorded, the
 * answer is a 503, and Stripe's retry applies it. A paid booking deposit (checkout.session.completed
 * in payment mode, with the booking in its metadata) goes to `booking:<tenant>:<id>` instead (deposits.ts).
 */
export function stripeWebhookRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/webhook', async (c) => {
    const { db, temporal, config, masterKey } = c.get('deps');
    const logger = c.get('logger');
    const payload = await c.req.text();
    const signature = c.req.header('stripe-signature') ?? '';
    let event;
    let mapped;
    try {
      event = verifiedStripeEvent(payload, signature, stripeCredentials(config, masterKey).webhookSecret);
      mapped = billingEventOf(event);
    } catch (error) {
      if (error instanceof SignatureRefused) {
        logger.warn({ reason: error.message }, 'Stripe webhook with a bad signature: rejected');
        return c.json(errorBody('bad_signature', BAD_SIGNATURE), 400);
      }
      if (error instanceof InvalidStripeEvent) {
        logger.warn({ reason: error.message }, 'signed Stripe webhook that is not a readable event: rejected');
        return c.json(errorBody('invalid_event', `${error.message} Send a Stripe event: { id, type, data: { object } }.`), 400);
      }
      throw error;
    }

    const deposit = depositPaidOf(event);
    if (deposit) {
      const outcome = await applyDepositPaid({ db, temporal, logger, deadlineMs: SIGNAL_DEADLINE_MS }, event, deposit);
      if (outcome === 'try_again') return c.json(errorBody('try_again', 'The booking could not take this payment just now; Stripe will deliver it again.'), 503);
      if (outcome === 'duplicate') return c.json({ received: true, duplicate: true });
      return c.json({ received: true, ...(outcome === 'signalled' ? {} : { ignored: outcome === 'unknown_booking' ? 'unknown booking' : 'booking not running' }) });
    }
    if (!mapped) return c.json({ received: true, ignored: event.type });
    const billing = mapped.customerId ? await db.tenantBilling.findUnique({ where: { stripeCustomerId: mapped.customerId }, select: { tenantId: true } }) : null;
    if (!billing) {
      logger.warn({ eventId: event.id, type: event.type, customerId: mapped.customerId }, 'Stripe event for a customer no tenant has: ignored');
      return c.json({ received: true, ignored: 'unknown customer' });
    }
    if (await db.stripeEvent.findUnique({ where: { eventId: event.id }, select: { eventId: true } })) {
      return c.json({ received: true, duplicate: true });
    }
    const { signal, record } = mapped;
    try {
      await temporal.connection.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () => signalStripeEvent(temporal, billing.tenantId, signal));
    } catch (error) {
      logger.error({ err: error, eventId: event.id, tenantId: billing.tenantId }, 'Stripe event not signalled; Stripe will retry');
      return c.json(errorBody('try_again', 'Billing could not take this event just now; Stripe will deliver it again.'), 503);
    }
    try {
      await db.$transaction(async (tx) => {
        // A concurrent redelivery may have recorded it meanwhile: its effects are idempotent, so both apply.
        await tx.stripeEvent.createMany({ data: [{ eventId: event.id, tenantId: billing.tenantId, type: event.type }], skipDuplicates: true });
        if (record) await applyRecord(tx, billing.tenantId, record);
      });
    } catch (error) {
      logger.error({ err: error, eventId: event.id, tenantId: billing.tenantId }, 'Stripe event signalled but not recorded; Stripe will retry');
      return c.json(errorBody('try_again', 'The event could not be recorded just now; Stripe will deliver it again.'), 503);
    }
    return c.json({ received: true });
  });

  return app;
}
