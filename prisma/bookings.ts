import type { BookingSource, BookingStatus } from './generated/enums.ts';
import { Prisma, type PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

// The booking engine's writes: every channel (the public site, the owner's calendar, the booking
// workflow, the AI agent's tools) holds, confirms, moves and cancels through these functions and
// nothing else. Postgres decides who gets a slot: the bookings_no_overlap exclusion constraint
// refuses a second live booking on a resource's time, however many try at once. The code here
// never checks "is it free?" before writing — that check would race — it writes and reads the
// refusal. Whether a start is one the business *offers* (hours, notice) is availability's question
// (domain/booking/availability.ts), asked by the channel before it calls holdSlot.

/** Statuses that occupy a resource's time (the constraint's WHERE clause says the same). */
export const LIVE_STATUSES: readonly BookingStatus[] = ['held', 'confirmed', 'completed'];

export type BookingRefusal =
  /** Another live booking or hold has that time on every resource that could do it. */
  | 'slot_taken'
  | 'service_not_found'
  /** No active resource can do this service. */
  | 'no_resource'
  | 'booking_not_found'
  /** The booking is cancelled, expired or done: it cannot be confirmed or moved. */
  | 'not_changeable';

export type EngineResult<T> = { ok: true; booking: T } | { ok: false; reason: BookingRefusal };

export interface HoldRequest {
  /** Chosen by the caller so a retried request (or activity) holds once: a second call with the id returns the first row. */
  bookingId: string;
  serviceId: string;
  customerId: string;
  start: Date;
  /** One resource, or null for "whoever can do it" (tried in the resources' order). */
  resourceId: string | null;
  source: BookingSource;
  /** Minutes the hold keeps the slot before it lapses. */
  holdMinutes: number;
  /** Confirm at once (the owner booking by hand, or a channel that has everything): no hold step. */
  confirm?: boolean;
  address?: string | null;
  notes?: string | null;
  vehicleId?: string | null;
  /** Asked before confirming (a Stripe Checkout link); 0 = none. */
  depositCents?: number;
  now?: Date;
}

export const bookingSelect = {
  id: true,
  status: true,
  source: true,
  startsAt: true,
  endsAt: true,
  holdExpiresAt: true,
  priceCents: true,
  depositCents: true,
  depositPaidAt: true,
  checkoutSessionId: true,
  confirmedAt: true,
  cancelledAt: true,
  cancellationNote: true,
  address: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, name: true, phone: true, email: true } },
  service: { select: { id: true, name: true } },
  resource: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.BookingSelect;

export type BookingRow = Prisma.BookingGetPayload<{ select: typeof bookingSelect }>;

const MINUTE = 60_000;

/** Postgres refused the write because it would overlap a live booking (SQLSTATE 23P01). */
export function isOverlapRefusal(error: unknown): boolean {
  const text = (e: unknown): string => (e instanceof Error ? `${e.message} ${text((e as { cause?: unknown }).cause)}` : '');
  const meta = (error as { meta?: unknown })?.meta;
  return /23P01|bookings_no_overlap|exclusion constraint/i.test(`${text(error)} ${meta ? JSON.stringify(meta) : ''}`);
}

/** The resources that can do a service, in the order they are offered: its own list, else every active one. */
export async function resourcesForService(db: PrismaClient, tenantId: string, serviceId: string) {
  const tdb = forTenant(db, tenantId);
  const linked = await tdb.serviceResource.findMany({ where: { serviceId, resource: { active: true } }, select: { resourceId: true } });
  return tdb.resource.findMany({
    where: { active: true, ...(linked.length > 0 ? { id: { in: linked.map((l) => l.resourceId) } } : {}) },
    orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, weeklyHours: true },
  });
}

export async function findBooking(db: PrismaClient, tenantId: string, bookingId: string): Promise<BookingRow | null> {
  return forTenant(db, tenantId).booking.findFirst({ where: { id: bookingId }, select: bookingSelect });
}

/**
 * Holds (or books outright) a slot: the first of the candidate resources whose time Postgres
 * accepts. Expired holds on that time are lapsed in the same transaction, so a dead worker never
 * keeps a slot past its hold.
 */
export async function holdSlot(db: PrismaClient, tenantId: string, request: HoldRequest): Promise<EngineResult<BookingRow>> {
  const tdb = forTenant(db, tenantId);
  const existing = await findBooking(db, tenantId, request.bookingId);
  if (existing) return { ok: true, booking: existing };

  const service = await tdb.service.findFirst({ where: { id: request.serviceId, active: true } });
  if (!service) return { ok: false, reason: 'service_not_found' };
  const candidates = request.resourceId
    ? (await resourcesForService(db, tenantId, service.id)).filter((r) => r.id === request.resourceId)
    : await resourcesForService(db, tenantId, service.id);
  if (candidates.length === 0) return { ok: false, reason: 'no_resource' };

  const now = request.now ?? new Date();
  const startsAt = request.start;
  const endsAt = new Date(startsAt.getTime() + service.durationMin * MINUTE);
  const blockedFrom = new Date(startsAt.getTime() - service.bufferBeforeMin * MINUTE);
  const blockedUntil = new Date(endsAt.getTime() + service.bufferAfterMin * MINUTE);
  const confirm = request.confirm === true;

  for (const resource of candidates) {
    try {
      // One transaction per resource: a refusal aborts it, and the next resource gets a clean one.
      const booking = await tdb.transaction(async (tx) => {
        // Attempts on one resource take turns. Without this, inserts racing for one range wait on each
        // other inside the exclusion constraint and deadlock in pairs (each broken only after
        // deadlock_timeout); the constraint, not this lock, still decides who gets the time.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${resource.id}`}, 0))`;
        await tx.booking.updateMany({
          where: { resourceId: resource.id, status: 'held', holdExpiresAt: { lte: now }, blockedFrom: { lt: blockedUntil }, blockedUntil: { gt: blockedFrom } },
          data: { status: 'expired' },
        });
        return tx.booking.create({
          data: {
            id: request.bookingId,
            customerId: request.customerId,
            serviceId: service.id,
            resourceId: resource.id,
            vehicleId: request.vehicleId ?? null,
            startsAt,
            endsAt,
            blockedFrom,
            blockedUntil,
            status: confirm ? 'confirmed' : 'held',
            holdExpiresAt: confirm ? null : new Date(now.getTime() + request.holdMinutes * MINUTE),
            confirmedAt: confirm ? now : null,
            source: request.source,
            address: request.address ?? null,
            notes: request.notes ?? null,
            priceCents: service.priceCents,
            depositCents: request.depositCents ?? 0,
          },
          select: bookingSelect,
        });
      });
      return { ok: true, booking };
    } catch (error) {
      if (isOverlapRefusal(error)) continue;
      // The same id inserted by a concurrent retry of this very request: that row is the answer.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const raced = await findBooking(db, tenantId, request.bookingId);
        if (raced) return { ok: true, booking: raced };
      }
      throw error;
    }
  }
  return { ok: false, reason: 'slot_taken' };
}

/**
 * Confirms a hold. A hold that lapsed is revived when its time is still free (Postgres decides); a
 * confirmed booking stays confirmed (safe to repeat).
 */
export async function confirmBooking(db: PrismaClient, tenantId: string, bookingId: string, options: { depositPaid?: boolean; now?: Date } = {}): Promise<EngineResult<BookingRow>> {
  const current = await findBooking(db, tenantId, bookingId);
  if (!current) return { ok: false, reason: 'booking_not_found' };
  if (current.status === 'confirmed') return { ok: true, booking: current };
  if (current.status !== 'held' && current.status !== 'expired') return { ok: false, reason: 'not_changeable' };
  const now = options.now ?? new Date();
  return writeRefusable(db, tenantId, bookingId, {
    status: 'confirmed',
    holdExpiresAt: null,
    confirmedAt: now,
    ...(options.depositPaid ? { depositPaidAt: now } : {}),
  }, { status: { in: ['held', 'expired'] } });
}

/** Moves a booking (same service length and buffers) to a new start, and optionally another resource. */
export async function moveBooking(db: PrismaClient, tenantId: string, bookingId: string, move: { start: Date; resourceId?: string | null }): Promise<EngineResult<BookingRow>> {
  const tdb = forTenant(db, tenantId);
  const row = await tdb.booking.findFirst({ where: { id: bookingId } });
  if (!row) return { ok: false, reason: 'booking_not_found' };
  if (row.status !== 'held' && row.status !== 'confirmed') return { ok: false, reason: 'not_changeable' };
  if (move.resourceId && move.resourceId !== row.resourceId) {
    const allowed = row.serviceId ? await resourcesForService(db, tenantId, row.serviceId) : await tdb.resource.findMany({ where: { active: true }, select: { id: true } });
    if (!allowed.some((r) => r.id === move.resourceId)) return { ok: false, reason: 'no_resource' };
  }
  const shift = move.start.getTime() - row.startsAt.getTime();
  const at = (d: Date) => new Date(d.getTime() + shift);
  return writeRefusable(db, tenantId, bookingId, {
    startsAt: at(row.startsAt),
    endsAt: at(row.endsAt),
    blockedFrom: at(row.blockedFrom),
    blockedUntil: at(row.blockedUntil),
    ...(move.resourceId ? { resourceId: move.resourceId } : {}),
  }, { status: { in: ['held', 'confirmed'] } });
}

/** Cancels a booking or a hold; cancelling twice is the first cancellation. */
export async function cancelBooking(db: PrismaClient, tenantId: string, bookingId: string, options: { note?: string | null; now?: Date } = {}): Promise<EngineResult<BookingRow>> {
  const current = await findBooking(db, tenantId, bookingId);
  if (!current) return { ok: false, reason: 'booking_not_found' };
  if (current.status === 'cancelled') return { ok: true, booking: current };
  if (current.status !== 'held' && current.status !== 'confirmed') return { ok: false, reason: 'not_changeable' };
  await forTenant(db, tenantId).booking.updateMany({
    where: { id: bookingId, status: { in: ['held', 'confirmed'] } },
    data: { status: 'cancelled', cancelledAt: options.now ?? new Date(), cancellationNote: options.note ?? null, holdExpiresAt: null },
  });
  return { ok: true, booking: (await findBooking(db, tenantId, bookingId))! };
}

/** A hold whose time is up becomes `expired` (and frees its slot); a confirmed booking is untouched. */
export async function lapseHold(db: PrismaClient, tenantId: string, bookingId: string, now = new Date()): Promise<{ lapsed: boolean }> {
  const { count } = await forTenant(db, tenantId).booking.updateMany({ where: { id: bookingId, status: 'held', holdExpiresAt: { lte: now } }, data: { status: 'expired' } });
  return { lapsed: count > 0 };
}

/** After the job: `completed` (or `no_show`, which frees nothing in the past but is not counted as done). */
export async function finishBooking(db: PrismaClient, tenantId: string, bookingId: string, outcome: 'completed' | 'no_show' = 'completed'): Promise<{ finished: boolean }> {
  const { count } = await forTenant(db, tenantId).booking.updateMany({ where: { id: bookingId, status: 'confirmed' }, data: { status: outcome } });
  return { finished: count > 0 };
}

/** An update the exclusion constraint may refuse, answered as a refusal rather than an error. */
async function writeRefusable(db: PrismaClient, tenantId: string, bookingId: string, data: Prisma.BookingUncheckedUpdateManyInput, guard: Prisma.BookingWhereInput): Promise<EngineResult<BookingRow>> {
  try {
    const { count } = await forTenant(db, tenantId).booking.updateMany({ where: { id: bookingId, ...guard }, data });
    if (count === 0) return { ok: false, reason: 'not_changeable' };
  } catch (error) {
    if (isOverlapRefusal(error)) return { ok: false, reason: 'slot_taken' };
    throw error;
  }
  return { ok: true, booking: (await findBooking(db, tenantId, bookingId))! };
}

/**
 * Takes back a booking that was just written but whose workflow could not be started (Temporal
 * down): the row goes, as if the attempt never happened, and its slot is free again at once.
 */
export async function withdrawBooking(db: PrismaClient, tenantId: string, bookingId: string): Promise<{ withdrawn: boolean }> {
  const { count } = await forTenant(db, tenantId).booking.deleteMany({ where: { id: bookingId, status: { in: ['held', 'confirmed'] } } });
  return { withdrawn: count > 0 };
}

/** The Stripe Checkout session that collects a hold's deposit (the webhook finds the booking by it). */
export async function recordCheckoutSession(db: PrismaClient, tenantId: string, bookingId: string, checkoutSessionId: string): Promise<void> {
  await forTenant(db, tenantId).booking.updateMany({ where: { id: bookingId }, data: { checkoutSessionId } });
}

/** A customer's next booking that has not started yet (held or confirmed): what "C" or "X" in a reply is about. */
export async function nextBookingOf(db: PrismaClient, tenantId: string, customerId: string, now = new Date()): Promise<BookingRow | null> {
  return forTenant(db, tenantId).booking.findFirst({
    where: { customerId, status: { in: ['held', 'confirmed'] }, startsAt: { gt: now } },
    orderBy: { startsAt: 'asc' },
    select: bookingSelect,
  });
}
