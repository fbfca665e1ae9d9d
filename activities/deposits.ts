import { ApplicationFailure } from '@temporalio/common';
import type Stripe from 'stripe';
import { stripeCredentials } from '../domain/stripe-credentials.ts';
import { canonicalMount, pagePath, platformMount, type SiteMount } from '../domain/sites/urls.ts';
import { isPermanentRejection } from '../domain/provider-errors.ts';
import { findBooking, recordCheckoutSession } from '../prisma/bookings.ts';
import type { DepositActivities } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';
import { createStripeClient } from './stripe-client.ts';

/** Stripe metadata naming the booking (the webhook reads these back on checkout.session.completed). */
import { DEPOSIT_METADATA } from '../domain/booking/deposit-metadata.ts';

export { DEPOSIT_METADATA };

/** One Checkout session per booking, however often the workflow (or a retry) asks. */
export const depositIdempotencyKey = (tenantId: string, bookingId: string) => `servicepro:deposit:${tenantId}:${bookingId}`;

function rethrow(error: unknown): never {
  const e = error as { statusCode?: number; message?: string; type?: string };
  if (isPermanentRejection(e.statusCode)) {
    throw ApplicationFailure.create({ message: e.message ?? String(error), type: 'StripeRejected', nonRetryable: true, details: [{ status: e.statusCode, type: e.type }] });
  }
  throw error;
}

/**
 * Where the customer lands after paying (or backing out): the business's booking page. With the
 * offline sandbox it is the platform's own address (the sandbox links only back into the app);
 * with real Stripe it is the site's canonical address (own domain, subdomain, else the path).
 */
function returnUrls(mount: SiteMount, publicBaseUrl: string, bookingId: string) {
  const page = pagePath(mount, 'book');
  const absolute = /^https?:\/\//.test(page) ? page : `${publicBaseUrl.replace(/\/+$/, '')}${page}`;
  const at = (deposit: 'paid' | 'cancelled') => `${absolute}?booking=${encodeURIComponent(bookingId)}&deposit=${deposit}`;
  return { success_url: at('paid'), cancel_url: at('cancelled') };
}

/**
 * Deposits on the platform's Stripe account (STRIPE_SECRET_KEY; the local sandbox offline). The
 * idempotency key makes a retried create return the first session; the session id on the booking
 * makes a later ask (after Stripe forgot the key) return it too.
 */
export function createDepositActivities(deps: ActivityDeps, options: { stripe?: Stripe } = {}): DepositActivities {
  const { db, config } = deps;
  const stripe = options.stripe ?? createStripeClient(config, deps.masterKey);
  const sandbox = stripeCredentials(config, deps.masterKey).sandbox;

  async function siteMount(tenantId: string): Promise<SiteMount> {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, site: { select: { customDomain: true } } } });
    if (sandbox) return platformMount(tenant.slug);
    return canonicalMount({ slug: tenant.slug, customDomain: tenant.site?.customDomain ?? null }, config);
  }

  return {
    async createDepositCheckout({ tenantId, bookingId }) {
      const booking = await findBooking(db, tenantId, bookingId);
      if (!booking) throw ApplicationFailure.nonRetryable(`Booking ${bookingId} does not exist for tenant ${tenantId}.`, 'BookingNotFound');
      if (booking.depositCents <= 0) throw ApplicationFailure.nonRetryable(`Booking ${bookingId} asks no deposit.`, 'NoDeposit');

      if (booking.checkoutSessionId) {
        const known = await stripe.checkout.sessions.retrieve(booking.checkoutSessionId).catch(rethrow);
        if (known.url) return { url: known.url, sessionId: known.id };
      }
      const metadata = { [DEPOSIT_METADATA.tenantId]: tenantId, [DEPOSIT_METADATA.bookingId]: bookingId };
      const session = await stripe.checkout.sessions
        .create(
          {
            mode: 'payment',
            line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: booking.depositCents, product_data: { name: `Deposit: ${booking.service?.name ?? 'booking'}` } } }],
            metadata,
            payment_intent_data: { metadata },
            client_reference_id: bookingId,
            ...(booking.customer.email ? { customer_email: booking.customer.email } : {}),
            ...returnUrls(await siteMount(tenantId), config.PUBLIC_BASE_URL, bookingId),
          },
          { idempotencyKey: depositIdempotencyKey(tenantId, bookingId) },
        )
        .catch(rethrow);
      if (!session.url) throw ApplicationFailure.nonRetryable('Stripe returned a Checkout session without a URL.', 'StripeRejected');
      await recordCheckoutSession(db, tenantId, bookingId, session.id);
      return { url: session.url, sessionId: session.id };
    },
  };
}
