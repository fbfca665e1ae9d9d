import * as wf from '@temporalio/workflow';
import type { BookingRefusalReason } from '../domain/booking/refusals.ts';

// The messages of `booking:<tenantId>:<bookingId>` (workflows/booking.ts), here so the API, the
// conversation workflow and the agent's tools can name them without importing the workflow.
// The row in `bookings` is the truth; the workflow owns what happens over time (the hold's lapse,
// the deposit, reminders, the follow-up) and every change that must move those along.

export interface BookingInput {
  tenantId: string;
  bookingId: string;
  /** Minutes before the start that reminders go out; default [1440, 120] (24 h and 2 h). Tests inject shorter. */
  reminderLeadMinutes?: number[];
  /** Minutes after the end that the thank-you (and review request) goes out; default 120. */
  followUpAfterMinutes?: number;
}

export type ChangedBy = 'customer' | 'owner' | 'agent';

export type BookingPhase = 'held' | 'awaiting_deposit' | 'confirmed' | 'done' | 'cancelled' | 'expired';

export interface BookingState {
  phase: BookingPhase;
  start: string | null;
  /** Reminders already handed to the SMS path, by lead minutes (for the calendar and the tests). */
  remindersSent: number[];
  /** When the next reminder is due, ISO; null when none is planned. */
  nextReminderAt: string | null;
  /** The Stripe Checkout link for the deposit, while one is asked. */
  checkoutUrl: string | null;
}

export type ChangeResult = { ok: true; start: string; status: string } | { ok: false; reason: BookingRefusalReason; message: string };

export interface RescheduleRequest {
  /** ISO 8601 instant of the new start. */
  start: string;
  /** Another resource; omitted = the same one. */
  resourceId?: string | null;
  by: ChangedBy;
}

export interface CancelRequest {
  by: ChangedBy;
  reason?: string | null;
}

/** Confirms a hold (the customer finished, the agent's confirm tool, the owner). */
export const confirmUpdate = wf.defineUpdate<ChangeResult, [{ by: ChangedBy }]>('confirm');
export const rescheduleUpdate = wf.defineUpdate<ChangeResult, [RescheduleRequest]>('reschedule');
export const cancelUpdate = wf.defineUpdate<ChangeResult, [CancelRequest]>('cancel');
/** Stripe said the deposit's Checkout session was paid (the webhook, deduplicated by event id). */
export const depositPaidSignal = wf.defineSignal<[{ checkoutSessionId: string; eventId: string }]>('depositPaid');
/** The customer answered a reminder text: C to confirm, X to cancel, R to move (from the conversation workflow). */
export const customerReplySignal = wf.defineSignal<[{ action: 'confirm' | 'cancel' | 'reschedule'; messageSid: string }]>('customerReply');
/** After the job, by the owner: done (the thank-you follows) or a no-show (nothing follows). */
export const finishUpdate = wf.defineUpdate<ChangeResult, [{ outcome: 'completed' | 'no_show'; by: ChangedBy }]>('finish');
export const bookingStateQuery = wf.defineQuery<BookingState>('state');
