import { availableSlots, checkStart, dayNumber, MAX_RANGE_DAYS, startRefusalMessage, type AvailabilityInput, type BookingRules, type DaySlots, type StartRefusal } from '../domain/booking/availability.ts';
import { DEFAULT_TIME_ZONE } from '../domain/local-day.ts';
import { storedHours } from '../domain/sites/hours.ts';
import type { WeeklyHours } from '../domain/weekly-hours.ts';
import { LIVE_STATUSES, resourcesForService } from './bookings.ts';
import type { PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

// Availability read from the database: every row the pure function needs (domain/booking/availability.ts)
// in a handful of queries, then the computation. Reads only — holds and bookings go through prisma/bookings.ts,
// and Postgres, not this answer, decides who gets a slot that two people pick at once.

/** booking_settings' column defaults, for a tenant with no row yet (the schema says the same). */
export const DEFAULT_BOOKING_RULES: BookingRules = { slotIntervalMin: 30, minNoticeMin: 120, maxAdvanceDays: 60 };

export interface AvailabilityQuery {
  serviceId: string;
  /** The first local date, YYYY-MM-DD. */
  from: string;
  days: number;
  /** One resource only (the calendar's column); otherwise every resource that does the service. */
  resourceId?: string;
  now?: Date;
}

export interface Availability {
  timeZone: string;
  days: DaySlots[];
}

export type AvailabilityRefusal = 'service_not_found' | 'no_resource' | 'bad_range';

export interface OfferQuery {
  serviceId: string;
  start: Date;
  resourceId?: string;
  now?: Date;
  /** When moving a booking: its own current time does not count as taken. */
  ignoreBookingId?: string;
}

export interface Offer {
  offered: boolean;
  resourceIds: string[];
  /** For people, when not offered. */
  reason?: string;
  /** The same, for code. */
  refusal?: StartRefusal | 'service_not_found';
}

const DAY = 86_400_000;
/** Busy rows are read this far beyond the range's UTC dates: any zone's offset (≤ 14 h) plus up to a day of a service's buffers. */
const MARGIN = 2 * DAY;

/**
 * Slots per local date for a service. Throws nothing for unknown ids: an unknown service or a bad
 * range is `{timeZone, days: []}` with `refusal` set, so a route can answer 404 or 400 itself.
 */
export async function loadAvailability(db: PrismaClient, tenantId: string, query: AvailabilityQuery): Promise<Availability & { refusal?: AvailabilityRefusal }> {
  const first = dayNumber(query.from);
  const days = Math.floor(query.days);
  if (first === null || !(days >= 1 && days <= MAX_RANGE_DAYS)) return { timeZone: await timeZoneOf(db, tenantId), days: [], refusal: 'bad_range' };
  const window = { from: new Date(first * DAY - MARGIN), until: new Date((first + days) * DAY + MARGIN) };
  const loaded = await loadInput(db, tenantId, query.serviceId, query.resourceId, window, query.now ?? new Date());
  if ('refusal' in loaded) return { timeZone: loaded.timeZone, days: [], refusal: loaded.refusal };
  return { timeZone: loaded.input.timeZone, days: availableSlots(loaded.input, { from: query.from, days }) };
}

/** Whether a customer may take this start now, and which resources are free for it; the reason for people when not. */
export async function isOffered(db: PrismaClient, tenantId: string, query: OfferQuery): Promise<Offer> {
  const at = query.start.getTime();
  const window = { from: new Date(at - MARGIN), until: new Date(at + MARGIN) };
  const loaded = await loadInput(db, tenantId, query.serviceId, query.resourceId, window, query.now ?? new Date());
  if ('refusal' in loaded) {
    return loaded.refusal === 'service_not_found'
      ? { offered: false, resourceIds: [], reason: 'That service is not offered', refusal: 'service_not_found' }
      : { offered: false, resourceIds: [], reason: startRefusalMessage('no_resource', DEFAULT_BOOKING_RULES), refusal: 'no_resource' };
  }
  const check = checkStart({ ...loaded.input, ignoreBookingId: query.ignoreBookingId }, query.start);
  if (check.offered) return { offered: true, resourceIds: check.resourceIds };
  const reason = check.reason ?? 'not_a_slot';
  return { offered: false, resourceIds: [], reason: startRefusalMessage(reason, loaded.input.rules), refusal: reason };
}

async function timeZoneOf(db: PrismaClient, tenantId: string): Promise<string> {
  const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { timeZone: true } });
  return phone?.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * Everything for the pure function. The tenant's clock and rules (not tenant-owned tables) are
 * read beside one tenant transaction that reads the service, its resources, their time off and
 * the live bookings overlapping the window.
 */
async function loadInput(
  db: PrismaClient,
  tenantId: string,
  serviceId: string,
  resourceId: string | undefined,
  window: { from: Date; until: Date },
  now: Date,
): Promise<{ input: AvailabilityInput } | { refusal: 'service_not_found' | 'no_resource'; timeZone: string }> {
  if (!isUuid(serviceId)) return { refusal: 'service_not_found', timeZone: await timeZoneOf(db, tenantId) };
  const tdb = forTenant(db, tenantId);
  const [phone, settings, service, candidates] = await Promise.all([
    db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { timeZone: true, businessHours: true } }),
    db.bookingSettings.findUnique({ where: { tenantId }, select: { slotIntervalMin: true, minNoticeMin: true, maxAdvanceDays: true } }),
    tdb.service.findFirst({ where: { id: serviceId, active: true }, select: { durationMin: true, bufferBeforeMin: true, bufferAfterMin: true } }),
    resourcesForService(db, tenantId, serviceId),
  ]);
  const timeZone = phone?.timeZone ?? DEFAULT_TIME_ZONE;
  if (!service) return { refusal: 'service_not_found', timeZone };
  const resources = resourceId ? candidates.filter((r) => r.id === resourceId) : candidates;
  if (resources.length === 0) return { refusal: 'no_resource', timeZone };

  const ids = resources.map((r) => r.id);
  const [timeOff, bookings] = await tdb.transaction(async (tx) => [
    await tx.resourceTimeOff.findMany({
      where: { resourceId: { in: ids }, startsAt: { lt: window.until }, endsAt: { gt: window.from } },
      select: { resourceId: true, startsAt: true, endsAt: true },
    }),
    await tx.booking.findMany({
      where: { resourceId: { in: ids }, status: { in: [...LIVE_STATUSES] }, blockedFrom: { lt: window.until }, blockedUntil: { gt: window.from } },
      select: { id: true, resourceId: true, blockedFrom: true, blockedUntil: true, status: true, holdExpiresAt: true },
    }),
  ] as const);

  return {
    input: {
      timeZone,
      businessHours: storedHours(phone?.businessHours),
      resources: resources.map((r) => ({
        id: r.id,
        weeklyHours: r.weeklyHours === null ? null : ((storedHours(r.weeklyHours) ?? {}) as WeeklyHours),
        timeOff: timeOff.filter((t) => t.resourceId === r.id).map((t) => ({ from: t.startsAt, until: t.endsAt })),
        bookings: bookings.filter((b) => b.resourceId === r.id),
      })),
      service,
      rules: settings ?? DEFAULT_BOOKING_RULES,
      now,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Service ids are uuid columns: anything else would be a database error, not "not found". */
const isUuid = (id: string) => UUID.test(id);
