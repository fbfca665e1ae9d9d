import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { REFUSAL_MESSAGES } from '../../domain/booking/refusals.ts';
import { bookingView, type BookingView } from '../../domain/booking/view.ts';
import { bookingRulesOf, tenantTimeZone } from '../../prisma/booking-settings.ts';
import { findBooking, holdSlot, withdrawBooking, type BookingRefusal } from '../../prisma/bookings.ts';
import type { BookingSource } from '../../prisma/generated/enums.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import type { ServiceDeps } from '../../workers/runtime/deps.ts';
import { cancelBookingChange, confirmBookingChange, finishBookingChange, rescheduleBookingChange, startBookingWorkflow } from '../../workers/client/booking.ts';
import type { ChangedBy, ChangeResult } from '../../workflows/booking.messages.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';
import { customerForBooking } from './customer.ts';
import { isOffered } from '../../prisma/availability.ts';

// Booking, for every channel (the public site, the owner's calendar, the agent's tools): the one
// function that turns "this person wants this service at this time" into a held or confirmed row
// and its running workflow — or a clear refusal. Postgres decides who gets a slot (holdSlot); this
// only asks availability first whether the business offers that start to customers.

export type BookingDeps = Pick<ServiceDeps, 'db' | 'temporal' | 'config' | 'logger'>;

export interface BookOnlineRequest {
  tenantId: string;
  serviceId: string;
  start: Date;
  resourceId?: string | null;
  name: string;
  phone: string;
  email?: string | null;
  address?: string | null;
  notes?: string | null;
  source: BookingSource;
  /** false: hold only (the caller confirms later, e.g. the agent after the customer agrees). Default: book outright unless a deposit is due. */
  confirm?: boolean;
  now?: Date;
}

export type BookRefusal = BookingRefusal | 'not_offered' | 'try_again';
export type BookResult = { ok: true; booking: BookingView } | { ok: false; reason: BookRefusal; message: string };

const refused = (reason: BookRefusal, message = REFUSAL_MESSAGES[reason]): BookResult => ({ ok: false, reason, message });

/** How long a booking waits for Temporal to take its workflow before it is withdrawn. */
const START_DEADLINE_MS = 5_000;

export async function bookOnline(deps: BookingDeps, request: BookOnlineRequest): Promise<BookResult> {
  const { db } = deps;
  const now = request.now ?? new Date();
  const customerChannel = request.source !== 'owner';
  const service = await forTenant(db, request.tenantId).service.findFirst({ where: { id: request.serviceId, active: true }, select: { id: true, depositCents: true } });
  if (!service) return refused('service_not_found');
  if (customerChannel) {
    const offered = await isOffered(db, request.tenantId, { serviceId: service.id, start: request.start, resourceId: request.resourceId ?? undefined, now });
    if (!offered.offered) return refused('not_offered', offered.reason ? `${REFUSAL_MESSAGES.not_offered} (${offered.reason})` : REFUSAL_MESSAGES.not_offered);
  }
  const rules = await bookingRulesOf(db, request.tenantId);
  // A deposit is asked of customers only, when the business takes deposits and the service has one.
  const depositCents = customerChannel && rules.depositsEnabled ? service.depositCents : 0;
  const confirm = depositCents === 0 && request.confirm !== false;
  const customer = await customerForBooking(db, request.tenantId, request);
  const bookingId = randomUUID();
  const held = await holdSlot(db, request.tenantId, {
    bookingId,
    serviceId: service.id,
    customerId: customer.id,
    start: request.start,
    resourceId: request.resourceId ?? null,
    source: request.source,
    holdMinutes: depositCents > 0 ? rules.depositHoldMin : rules.holdMin,
    confirm,
    address: request.address ?? null,
    notes: request.notes ?? null,
    depositCents,
    now,
  });
  if (!held.ok) return refused(held.reason);

  try {
    await withinTemporalDeadline(deps, START_DEADLINE_MS, () => startBookingWorkflow(deps.temporal, deps.config, request.tenantId, bookingId));
  } catch (error) {
    // Nothing half-done: a booking without its workflow would get no texts and never lapse.
    deps.logger.warn({ err: error, tenantId: request.tenantId, bookingId }, 'booking workflow could not be started; the booking is withdrawn');
    await withdrawBooking(db, request.tenantId, bookingId);
    return refused('try_again', 'We could not finish the booking just now. Nothing was booked; please try again in a moment.');
  }
  return { ok: true, booking: bookingView(held.booking, await tenantTimeZone(db, request.tenantId)) };
}

export type BookingChange =
  | { action: 'reschedule'; start: Date; resourceId?: string | null; by: ChangedBy }
  | { action: 'cancel'; reason?: string | null; by: ChangedBy }
  | { action: 'confirm'; by: ChangedBy }
  | { action: 'complete' | 'no_show'; by: ChangedBy };

/**
 * Changes a booking through its workflow (which writes through the engine, re-plans reminders and
 * texts the customer). A workflow that does not answer in time: "try again", nothing changed yet
 * as far as the caller knows — the update either ran whole or will not run.
 */
export async function changeBooking(deps: BookingDeps, tenantId: string, bookingId: string, change: BookingChange): Promise<ChangeResult> {
  if (!(await findBooking(deps.db, tenantId, bookingId))) return { ok: false, reason: 'booking_not_found', message: REFUSAL_MESSAGES.booking_not_found };
  const { temporal } = deps;
  const run = (): Promise<ChangeResult> => {
    switch (change.action) {
      case 'reschedule':
        return rescheduleBookingChange(temporal, tenantId, bookingId, { start: change.start.toISOString(), resourceId: change.resourceId ?? null, by: change.by });
      case 'cancel':
        return cancelBookingChange(temporal, tenantId, bookingId, { by: change.by, reason: change.reason ?? null });
      case 'confirm':
        return confirmBookingChange(temporal, tenantId, bookingId, change.by);
      case 'complete':
        return finishBookingChange(temporal, tenantId, bookingId, 'completed', change.by);
      case 'no_show':
        return finishBookingChange(temporal, tenantId, bookingId, 'no_show', change.by);
    }
  };
  try {
    return await withinTemporalDeadline(deps, deps.config.BOOKING_UPDATE_DEADLINE_MS, run);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause?.message) return { ok: false, reason: 'not_changeable', message: error.cause.message };
    if (error instanceof WorkflowNotFoundError || (error instanceof Error && /not found|already completed/i.test(error.message))) {
      return { ok: false, reason: 'not_changeable', message: REFUSAL_MESSAGES.not_changeable };
    }
    deps.logger.warn({ err: error, tenantId, bookingId, action: change.action }, 'booking change not answered in time');
    throw new BookingBusyError();
  }
}

/** The booking's workflow did not answer in time (no worker, Temporal down): the route answers 503. */
export class BookingBusyError extends Error {
  constructor() {
    super(REFUSAL_MESSAGES.try_again);
  }
}
