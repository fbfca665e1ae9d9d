import Stripe from 'stripe';
import { z } from 'zod';
import type { BillingEvent } from '../../domain/billing.ts';

// A Stripe webhook body, from raw bytes to what billing acts on. The signature is checked on the
// raw body with the SDK, then its timestamp both ways (the SDK only refuses old ones), then the
// body's shape: a signed body is Stripe's word, not proof that it is a well-formed event.

/** Stripe's own replay window, applied to the past and to the future (a clock ahead, or a replay kept for later). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignalledEvent = Extract<BillingEvent, { eventId: string }>;

/** The signature does not verify (wrong secret, altered body, outside the time window). */
export class SignatureRefused extends Error {
  override name = 'SignatureRefused';
}
/** Signed, but not an event billing can read. */
export class InvalidStripeEvent extends Error {
  override name = 'InvalidStripeEvent';
}

const envelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.output<typeof envelope>;

const verifier = new Stripe('sk_unused_for_verification');

/** The single `t=` of a stripe-signature header (the SDK reads the last one; two are refused). */
function signedAt(header: string): number | null {
  const stamps = header.split(',').filter((part) => part.split('=')[0] === 't');
  if (stamps.length !== 1) return null;
  const value = stamps[0]!.slice(2);
  return /^\d{1,12}$/.test(value) ? Number(value) : null;
}

/** Verifies a webhook delivery and reads its envelope; throws SignatureRefused or InvalidStripeEvent. */
export function verifiedStripeEvent(payload: string, header: string, secret: string, nowMs = Date.now()): StripeEventEnvelope {
  let body: unknown;
  try {
    // Verifies the signature (and refuses a timestamp too old), then parses the JSON.
    body = verifier.webhooks.constructEvent(payload, header, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, nowMs);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new SignatureRefused(error.message.split('\n')[0]);
    throw new InvalidStripeEvent('The body is not JSON.');
  }
  const at = signedAt(header);
  if (at === null) throw new SignatureRefused('The stripe-signature header must carry exactly one t= timestamp.');
  if (at - Math.floor(nowMs / 1000) > SIGNATURE_TOLERANCE_SECONDS) throw new SignatureRefused('Timestamp is in the future, outside the tolerance zone.');

  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new InvalidStripeEvent(`Not a Stripe event: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

const describeIssues = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || 'body'} ${issue.message.toLowerCase()}`).join('; ');

/** A reference Stripe may send as an id or as the expanded object. */
const reference = z.union([z.string(), z.looseObject({ id: z.string() }).transform((o) => o.id)]).nullish();
const unix = z.number().int().nonnegative().nullish();
const cents = z.number().int().nullish();

const invoiceSchema = z.looseObject({
  id: z.string().min(1).max(255),
  customer: reference,
  status: z.string().max(50).nullish(),
  number: z.string().max(255).nullish(),
  amount_due: cents,
  amount_paid: cents,
  currency: z.string().max(10).nullish(),
  hosted_invoice_url: z.string().max(2048).nullish(),
  created: unix,
  period_start: unix,
  period_end: unix,
  lines: z.looseObject({ data: z.array(z.looseObject({ period: z.looseObject({ start: unix, end: unix }).nullish() })).nullish() }).nullish(),
});
export type StripeInvoiceFields = z.output<typeof invoiceSchema>;

const subscriptionSchema = z.looseObject({
  id: z.string().min(1).max(255),
  customer: reference,
  status: z.string().min(1).max(50),
  default_payment_method: reference,
  items: z.looseObject({ data: z.array(z.looseObject({ current_period_end: unix })).nullish() }).nullish(),
});

const checkoutSessionSchema = z.looseObject({ id: z.string().min(1).max(255), customer: reference, mode: z.string().nullish() });

/** What the billing page keeps of an event, written with the event's own record. */
export type BillingRecord =
  | { kind: 'invoice'; invoice: StripeInvoiceFields }
  | { kind: 'subscription'; hasPaymentMethod: boolean; currentPeriodEnd: number | null };

function read<T extends z.ZodType>(schema: T, event: StripeEventEnvelope): z.output<T> {
  const parsed = schema.safeParse(event.data.object);
  if (!parsed.success) throw new InvalidStripeEvent(`A ${event.type} event whose object has ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

/**
 * The decision input of a Stripe event, from the object's current state, and what the billing page
 * records of it; null for a type we do not act on. Throws InvalidStripeEvent for a malformed object.
 */
export function billingEventOf(event: StripeEventEnvelope): { customerId: string | null; signal: SignalledEvent; record: BillingRecord | null } | null {
  switch (event.type) {
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const invoice = read(invoiceSchema, event);
      const signal: SignalledEvent =
        event.type === 'invoice.paid'
          ? { kind: 'invoice.paid', eventId: event.id, invoiceId: invoice.id }
          : { kind: 'invoice.payment_failed', eventId: event.id, invoiceId: invoice.id, invoiceStatus: invoice.status ?? 'open' };
      return { customerId: invoice.customer ?? null, signal, record: { kind: 'invoice', invoice } };
    }
    case 'customer.subscription.updated': {
      const subscription = read(subscriptionSchema, event);
      const hasPaymentMethod = Boolean(subscription.default_payment_method);
      return {
        customerId: subscription.customer ?? null,
        signal: { kind: 'subscription.updated', eventId: event.id, subscriptionStatus: subscription.status, hasPaymentMethod },
        // What the billing page shows; the decisions themselves are the workflow's.
        record: { kind: 'subscription', hasPaymentMethod, currentPeriodEnd: subscription.items?.data?.[0]?.current_period_end ?? null },
      };
    }
    case 'customer.subscription.deleted':
    case 'customer.subscription.trial_will_end': {
      const { customer } = read(z.looseObject({ customer: reference }), event);
      const kind = event.type === 'customer.subscription.deleted' ? 'subscription.deleted' : 'trial_will_end';
      return { customerId: customer ?? null, signal: { kind, eventId: event.id }, record: null };
    }
    case 'checkout.session.completed': {
      const session = read(checkoutSessionSchema, event);
      // Only the add-a-card session (setup mode) matters to billing; a paid deposit (payment mode) is the booking's (deposits.ts).
      if (session.mode !== 'setup') return null;
      return { customerId: session.customer ?? null, signal: { kind: 'payment_method.added', eventId: event.id, checkoutSessionId: session.id }, record: null };
    }
    default:
      return null;
  }
}
