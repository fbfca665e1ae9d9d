import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DEPOSIT_METADATA } from '../../domain/booking/deposit-metadata.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { findBooking } from '../../prisma/bookings.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { depositPaidSignal } from '../../workflows/booking.messages.ts';
import type { StripeEventEnvelope } from './events.ts';

// A booking's deposit paid through Checkout (activities/deposits.ts created the session with the
// booking in its metadata): the webhook hands it to `booking:<tenant>:<id>` as depositPaidSignal.
// The workflow decides what paying means (confirm, or a late payment after the hold lapsed).

const depositSession = z.looseObject({
  id: z.string().min(1).max(255),
  mode: z.literal('payment'),
  payment_status: z.string().nullish(),
  metadata: z.looseObject({
    [DEPOSIT_METADATA.tenantId]: z.string().min(1).max(255),
    [DEPOSIT_METADATA.bookingId]: z.guid(),
  }),
});

export interface DepositPaid {
  tenantId: string;
  bookingId: string;
  checkoutSessionId: string;
}

/** The deposit a `checkout.session.completed` event pays, or null when it is not one of ours (a card saved for billing, a payment we did not ask). */
export function depositPaidOf(event: StripeEventEnvelope): DepositPaid | null {
  if (event.type !== 'checkout.session.completed') return null;
  const parsed = depositSession.safeParse(event.data.object);
  // `no_payment_required` cannot happen for a deposit (the amount is above zero); `unpaid` is a delayed method still settling.
  if (!parsed.success || parsed.data.payment_status === 'unpaid') return null;
  const metadata = parsed.data.metadata as Record<string, string>;
  return { tenantId: metadata[DEPOSIT_METADATA.tenantId]!, bookingId: metadata[DEPOSIT_METADATA.bookingId]!, checkoutSessionId: parsed.data.id };
}

export type DepositOutcome = 'signalled' | 'duplicate' | 'unknown_booking' | 'no_workflow' | 'try_again';

/**
 * Applies a paid deposit once per event id: a redelivery finds the event in `stripe_events`; a
 * booking we do not have, or one whose workflow has ended, is recorded and acknowledged (logged,
 * never retried forever); Temporal being away answers `try_again` (a 503: Stripe delivers again).
 */
export async function applyDepositPaid(
  deps: { db: PrismaClient; temporal: Client; logger: Logger; deadlineMs: number },
  event: StripeEventEnvelope,
  deposit: DepositPaid,
): Promise<DepositOutcome> {
  const { db, temporal, logger } = deps;
  if (await db.stripeEvent.findUnique({ where: { eventId: event.id }, select: { eventId: true } })) return 'duplicate';
  const remember = () => db.stripeEvent.createMany({ data: [{ eventId: event.id, tenantId: deposit.tenantId, type: event.type }], skipDuplicates: true });
  const tenant = await db.tenant.findUnique({ where: { id: deposit.tenantId }, select: { id: true } });
  const booking = tenant ? await findBooking(db, deposit.tenantId, deposit.bookingId) : null;
  if (!booking) {
    logger.warn({ eventId: event.id, ...deposit }, 'Stripe deposit paid for a booking we do not have: acknowledged, not applied');
    await db.stripeEvent.createMany({ data: [{ eventId: event.id, tenantId: tenant ? deposit.tenantId : null, type: event.type }], skipDuplicates: true });
    return 'unknown_booking';
  }
  try {
    await temporal.connection.withDeadline(Date.now() + deps.deadlineMs, () =>
      temporal.workflow.getHandle(workflowIds.booking(deposit.tenantId, deposit.bookingId)).signal(depositPaidSignal, { checkoutSessionId: deposit.checkoutSessionId, eventId: event.id }),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      // The booking's workflow has ended (cancelled, expired, done): the owner sees the payment in Stripe and refunds it there.
      logger.error({ eventId: event.id, ...deposit, status: booking.status }, 'Stripe deposit paid for a booking whose workflow is not running: recorded, not applied');
      await remember();
      return 'no_workflow';
    }
    logger.error({ err: error, eventId: event.id, ...deposit }, 'Stripe deposit not signalled; Stripe will retry');
    return 'try_again';
  }
  try {
    await remember();
  } catch (error) {
    // Signalled: the workflow applies each event id once, so a redelivery is harmless.
    logger.error({ err: error, eventId: event.id }, 'Stripe deposit signalled but not recorded; a redelivery is ignored by the workflow');
  }
  return 'signalled';
}
