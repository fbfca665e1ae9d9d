import { IANAZone } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../local-day.ts';
import { minutesOf, WEEKDAYS, type WeeklyHours } from '../weekly-hours.ts';

// Which starts a business offers for a service, computed from rows already read (no I/O here):
// hours on the tenant's wall clock, each resource's own week (or the business hours), time off,
// live bookings and holds, the service's length and buffers, and the tenant's booking rules.
//
// The rules, in the order they are applied:
// * Slots start at each working period's start and every `slotIntervalMin` after it, counted on
//   the local wall clock, so a 9:00 slot is 9:00 on both sides of a daylight-saving change.
// * A local time that does not exist (spring forward, 2:30 on the change day) is skipped, never
//   shifted to 3:30; a repeated local time (fall back, 1:30 twice) is offered once, at its first
//   occurrence. Lengths are real elapsed minutes: a 60-minute job from 1:30 (first) ends at 1:30 (second).
// * The job (start to start + duration) lies inside one working period of the resource.
// * The blocked range (job plus buffers before and after) overlaps no busy time (confirmed,
//   completed, and holds not yet expired at `now`) and no time off of that resource. Buffers may
//   run outside working hours (driving there before opening is fine), never into another job.
// * start ≥ now + minimum notice, and the start's local date ≤ today (local) + max advance days.
// Odd input never throws: an unknown time zone falls back to DEFAULT_TIME_ZONE, a period that is not
// valid `HH:mm` or ends before it starts is ignored, no hours (null or empty) means no slots, and a
// slot interval or duration below one minute (validation refuses both) gives no slots.

/** A half-open instant range [from, until). */
export interface TimeRange {
  from: Date;
  until: Date;
}

/** A booking as far as availability cares: the resource's time it blocks, and whether it still counts. */
export interface BusyBooking {
  id?: string;
  blockedFrom: Date;
  blockedUntil: Date;
  status: string;
  holdExpiresAt: Date | null;
}

export interface AvailabilityResource {
  id: string;
  /** Its own week, or null for the business hours. */
  weeklyHours: WeeklyHours | null;
  timeOff: TimeRange[];
  bookings: BusyBooking[];
}

export interface ServiceLength {
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
}

export interface BookingRules {
  slotIntervalMin: number;
  minNoticeMin: number;
  maxAdvanceDays: number;
}

export interface AvailabilityInput {
  timeZone: string;
  /** tenant_phone_config.business_hours; null or empty = no hours set, so no slots from them. */
  businessHours: WeeklyHours | null;
  /** The candidate resources, in the order they are offered. */
  resources: AvailabilityResource[];
  service: ServiceLength;
  rules: BookingRules;
  now: Date;
  /** A booking being moved does not block its own new time. */
  ignoreBookingId?: string;
}

export interface Slot {
  /** ISO 8601 with the tenant's offset, e.g. 2027-03-14T09:00:00-04:00. */
  start: string;
  end: string;
  /** The resources free for the whole blocked range, in the order they are offered. */
  resourceIds: string[];
}

export interface DaySlots {
  /** The local date, YYYY-MM-DD. */
  date: string;
  slots: Slot[];
}

/** Why a start is not offered, as the channels tell people (startRefusalMessage). */
export type StartRefusal = 'outside_hours' | 'not_a_slot' | 'too_soon' | 'too_far' | 'taken' | 'no_resource';

export interface StartCheck {
  offered: boolean;
  resourceIds: string[];
  reason?: StartRefusal;
}

/** The most days one call computes: a guard against a huge range, not a product rule. */
export const MAX_RANGE_DAYS = 400;
const MINUTE = 60_000;
const DAY = 86_400_000;

export function isBusy(booking: BusyBooking, now: Date): boolean {
  if (booking.status === 'confirmed' || booking.status === 'completed') return true;
  // A hold with no expiry still holds (the exclusion constraint counts it too).
  return booking.status === 'held' && (booking.holdExpiresAt === null || booking.holdExpiresAt.getTime() > now.getTime());
}

export function availableSlots(input: AvailabilityInput, range: { from: string; days: number }): DaySlots[] {
  const first = dayNumber(range.from);
  const count = Math.min(Math.max(Math.floor(range.days), 0), MAX_RANGE_DAYS);
  if (first === null || !Number.isFinite(count)) return [];
  const plan = prepare(input);
  const days: DaySlots[] = [];
  for (let day = first; day < first + count; day++) days.push({ date: dateOf(day), slots: daySlots(plan, day) });
  return days;
}

/**
 * Whether one start is offered, and if not, the first rule it breaks — hours, the slot grid,
 * notice, how far ahead, then busy time — so a person is told the reason that matters.
 */
export function checkStart(input: AvailabilityInput, start: Date): StartCheck {
  if (input.resources.length === 0) return { offered: false, resourceIds: [], reason: 'no_resource' };
  const plan = prepare(input);
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) return { offered: false, resourceIds: [], reason: 'not_a_slot' };
  const day = Math.floor((startMs + offsetAt(plan, startMs) * MINUTE) / DAY);
  const inHours = plan.resources.some((r) => candidates(plan, r, day).some((c) => c.start <= startMs && startMs + plan.durationMs <= c.periodEnd));
  if (!inHours) return { offered: false, resourceIds: [], reason: 'outside_hours' };
  const onGrid = plan.resources.some((r) => candidates(plan, r, day).some((c) => c.start === startMs));
  if (!onGrid) return { offered: false, resourceIds: [], reason: 'not_a_slot' };
  if (startMs < plan.earliest) return { offered: false, resourceIds: [], reason: 'too_soon' };
  if (day > plan.lastDay) return { offered: false, resourceIds: [], reason: 'too_far' };
  const free = plan.resources.filter((r) => candidates(plan, r, day).some((c) => c.start === startMs && isFree(plan, r, startMs))).map((r) => r.id);
  return free.length > 0 ? { offered: true, resourceIds: free } : { offered: false, resourceIds: [], reason: 'taken' };
}

/** For people: what to say when a start is refused. */
export function startRefusalMessage(reason: StartRefusal, rules: BookingRules): string {
  switch (reason) {
    case 'outside_hours':
      return 'That time is outside business hours';
    case 'not_a_slot':
      return 'That time is not one of the times offered — pick one from the list';
    case 'too_soon':
      return `Book at least ${noticeText(rules.minNoticeMin)} ahead`;
    case 'too_far':
      return `Bookings open ${rules.maxAdvanceDays} ${rules.maxAdvanceDays === 1 ? 'day' : 'days'} ahead — pick an earlier date`;
    case 'taken':
      return 'That time was just taken';
    case 'no_resource':
      return 'Nobody is set up to do that service yet';
  }
}

/** 120 → "2 hours", 90 → "90 minutes", 60 → "1 hour". */
export function noticeText(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** An instant as ISO 8601 on the tenant's clock, like view.ts's localIso but without luxon's cost per call (a month is thousands). */
export function isoOnClock(instant: number, zone: IANAZone, offset = zone.offset(instant)): string {
  const local = new Date(instant + offset * MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ── internals ───────────────────────────────────────────────────────────────────────────────

interface PreparedResource {
  id: string;
  hours: WeeklyHours | null;
  /** Busy time and time off merged into sorted, disjoint [from, until) pairs (ms). */
  blocked: [number, number][];
}

interface Plan {
  zone: IANAZone;
  resources: PreparedResource[];
  businessHours: WeeklyHours | null;
  intervalMin: number;
  durationMs: number;
  beforeMs: number;
  afterMs: number;
  earliest: number;
  /** The last local day number a slot may start on. */
  lastDay: number;
  /** Wall time → instants, per local day and minute (resources share a grid). */
  wallCache: Map<number, number[]>;
  /** Per UTC day: the offset all day, or null on a day the clocks change. */
  dayOffsets: Map<number, number | null>;
}

interface Candidate {
  start: number;
  periodEnd: number;
}

function prepare(input: AvailabilityInput): Plan {
  const zone = IANAZone.isValidZone(input.timeZone) ? IANAZone.create(input.timeZone) : IANAZone.create(DEFAULT_TIME_ZONE);
  const now = input.now.getTime();
  const today = Math.floor((now + zone.offset(now) * MINUTE) / DAY);
  return {
    zone,
    businessHours: input.businessHours,
    resources: input.resources.map((r) => ({
      id: r.id,
      hours: r.weeklyHours,
      blocked: merge([
        ...r.bookings.filter((b) => b.id === undefined || b.id !== input.ignoreBookingId).filter((b) => isBusy(b, input.now)).map((b): [number, number] => [b.blockedFrom.getTime(), b.blockedUntil.getTime()]),
        ...r.timeOff.map((t): [number, number] => [t.from.getTime(), t.until.getTime()]),
      ]),
    })),
    intervalMin: Math.floor(input.rules.slotIntervalMin),
    durationMs: Math.round(input.service.durationMin) * MINUTE,
    beforeMs: Math.max(0, Math.round(input.service.bufferBeforeMin)) * MINUTE,
    afterMs: Math.max(0, Math.round(input.service.bufferAfterMin)) * MINUTE,
    earliest: now + Math.max(0, input.rules.minNoticeMin) * MINUTE,
    lastDay: today + Math.max(0, Math.floor(input.rules.maxAdvanceDays)),
    wallCache: new Map(),
    dayOffsets: new Map(),
  };
}

/**
 * The zone's offset (minutes) at an instant. Asking the zone costs an Intl call (microseconds, and a
 * month of slots asks thousands of times), so a UTC day whose midnights share an offset answers
 * from that; only a day the clocks change asks the zone (zones change at most once a day).
 */
function offsetAt(plan: Plan, instant: number): number {
  const day = Math.floor(instant / DAY);
  let known = plan.dayOffsets.get(day);
  if (known === undefined) {
    const start = plan.zone.offset(day * DAY);
    known = start === plan.zone.offset((day + 1) * DAY) ? start : null;
    plan.dayOffsets.set(day, known);
  }
  return known ?? plan.zone.offset(instant);
}

function daySlots(plan: Plan, day: number): Slot[] {
  if (day > plan.lastDay) return [];
  const byStart = new Map<number, string[]>();
  for (const resource of plan.resources) {
    for (const c of candidates(plan, resource, day)) {
      if (c.start < plan.earliest || !isFree(plan, resource, c.start)) continue;
      const ids = byStart.get(c.start);
      if (ids) ids.push(resource.id);
      else byStart.set(c.start, [resource.id]);
    }
  }
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, resourceIds]) => ({ start: isoOnClock(start, plan.zone, offsetAt(plan, start)), end: isoOnClock(start + plan.durationMs, plan.zone, offsetAt(plan, start + plan.durationMs)), resourceIds }));
}

/** The grid starts of one resource on one local day whose job fits its period (before notice and busy time). */
function candidates(plan: Plan, resource: PreparedResource, day: number): Candidate[] {
  if (plan.intervalMin < 1 || plan.durationMs < MINUTE) return [];
  const hours = resource.hours ?? plan.businessHours;
  const weekday = WEEKDAYS[(new Date(day * DAY).getUTCDay() + 6) % 7]!;
  const out: Candidate[] = [];
  for (const [from, to] of hours?.[weekday] ?? []) {
    const open = minutesOf(from);
    const close = minutesOf(to);
    if (open === null || close === null || close <= open) continue;
    const periodEnd = periodClose(plan, day, close);
    for (let minute = open; minute < close; minute += plan.intervalMin) {
      const instants = wallInstants(plan, day, minute);
      // No instant: the clocks skipped this time. Two: it happened twice; the first is offered.
      if (instants.length === 0) continue;
      const start = instants[0]!;
      if (start + plan.durationMs <= periodEnd) out.push({ start, periodEnd });
    }
  }
  return out;
}

function isFree(plan: Plan, resource: PreparedResource, start: number): boolean {
  const from = start - plan.beforeMs;
  const until = start + plan.durationMs + plan.afterMs;
  const blocked = resource.blocked;
  // The first blocked pair that ends after `from`; it overlaps when it starts before `until`.
  let lo = 0;
  let hi = blocked.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocked[mid]![1] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo === blocked.length || blocked[lo]![0] >= until;
}

/**
 * The instants at which the wall clock reads `minute` past midnight on local day `day`: none (a
 * spring-forward gap), one, or two (a fall-back repeat), earliest first. The offsets a day either
 * side of it are the only ones it can have (zones change at most once a day).
 */
function wallInstants(plan: Plan, day: number, minute: number): number[] {
  const key = day * 1440 + minute;
  const cached = plan.wallCache.get(key);
  if (cached) return cached;
  const wall = day * DAY + minute * MINUTE;
  const offsets = new Set([offsetAt(plan, wall - DAY), offsetAt(plan, wall + DAY)]);
  const instants = [...offsets]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => offsetAt(plan, instant) * MINUTE === wall - instant)
    .sort((a, b) => a - b);
  plan.wallCache.set(key, instants);
  return instants;
}

/**
 * A period's closing instant. A repeated closing time closes at its last occurrence (the period
 * holds every wall time before it); a skipped one as far past the gap as it was into it (where
 * luxon puts it: 2:30 on a spring-forward day reads 3:30).
 */
function periodClose(plan: Plan, day: number, minute: number): number {
  const instants = wallInstants(plan, day, minute);
  if (instants.length > 0) return instants[instants.length - 1]!;
  const wall = day * DAY + minute * MINUTE;
  return wall - offsetAt(plan, wall - DAY) * MINUTE;
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [from, until] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], until);
    else out.push([from, until]);
  }
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date `YYYY-MM-DD`, else null. */
export function dayNumber(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateOf(ms / DAY) === date ? ms / DAY : null;
}

function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
