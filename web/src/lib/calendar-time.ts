// The calendar's clock arithmetic, always on the business's clock (its IANA zone), never the
// browser's: a 9:00 job sits at 9:00 for an owner travelling in another zone, and across DST.
import { DateTime } from 'luxon';

export type CalendarView = 'week' | 'day';

const local = (date: string, zone: string) => DateTime.fromISO(date, { zone });

/** Today's date on the business's clock. */
export const todayIn = (zone: string, now: Date = new Date()) => DateTime.fromJSDate(now, { zone }).toISODate()!;

/** The seven dates (Monday first) of the week holding `date`. */
export function weekDates(date: string): string[] {
  const monday = DateTime.fromISO(date, { zone: 'UTC' }).startOf('week');
  return Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate()!);
}

/** The dates a view shows. */
export const viewDates = (view: CalendarView, date: string) => (view === 'week' ? weekDates(date) : [date]);

/** The date a step back or forward lands on: a week or a day. */
export const stepDate = (view: CalendarView, date: string, step: -1 | 1) =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus(view === 'week' ? { weeks: step } : { days: step }).toISODate()!;

/** The date `days` after `date`. */
export const addDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** From the first date's local midnight to the midnight after the last date, as ISO instants with the offset. */
export function window(dates: string[], zone: string): { from: string; to: string } {
  return { from: local(dates[0]!, zone).startOf('day').toISO()!, to: local(dates[dates.length - 1]!, zone).plus({ days: 1 }).startOf('day').toISO()! };
}

/** Where an instant falls on the business's clock: its local date and minutes past local midnight. */
export function onClock(iso: string, zone: string): { date: string; minutes: number } {
  const at = DateTime.fromISO(iso, { setZone: false, zone });
  return { date: at.toISODate()!, minutes: at.hour * 60 + at.minute };
}

/**
 * The instant of a wall-clock time on a local date, as ISO with the offset. A time the clock skips
 * (spring forward) moves on past the gap, as luxon does; a repeated hour takes its first occurrence.
 * Seconds are kept: the API reads instants as 2027-03-14T09:00:00-04:00.
 */
export function atClock(date: string, minutes: number, zone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** Rounds minutes to the nearest multiple of the slot interval. */
export const snap = (minutes: number, interval: number) => Math.round(minutes / interval) * interval;

/** "Central Standard Time" style name of the zone on that date, with its IANA name for the traveller. */
export function zoneName(zone: string, date: string): string {
  const at = local(date, zone).set({ hour: 12 });
  return `${at.offsetNameLong ?? zone} (${zone.replace(/_/g, ' ')})`;
}

/** The hours the grid shows: the working day, stretched to hold every booking in view. */
export function hourRange(minuteSpans: { start: number; end: number }[], base: { from: number; to: number } = { from: 7, to: 19 }) {
  let from = base.from;
  let to = base.to;
  for (const span of minuteSpans) {
    from = Math.min(from, Math.floor(span.start / 60));
    to = Math.max(to, Math.ceil(span.end / 60));
  }
  return { from: Math.max(0, from), to: Math.min(24, to) };
}

/** Side-by-side lanes for blocks that overlap in one column (bookings of different resources in one day). */
export function lanes<T extends { id: string; start: number; end: number }>(items: T[]): Map<string, { lane: number; of: number }> {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = new Map<string, { lane: number; of: number }>();
  let group: { item: T; lane: number }[] = [];
  let groupEnd = -1;
  const close = () => {
    const of = Math.max(1, ...group.map((g) => g.lane + 1));
    for (const g of group) out.set(g.item.id, { lane: g.lane, of });
    group = [];
  };
  for (const item of sorted) {
    if (item.start >= groupEnd) close();
    const taken = new Set(group.filter((g) => g.item.end > item.start).map((g) => g.lane));
    let lane = 0;
    while (taken.has(lane)) lane += 1;
    group.push({ item, lane });
    groupEnd = Math.max(groupEnd, item.end);
  }
  close();
  return out;
}

/** "Mon 7" / "Monday, December 7" for headings. */
export const dayLabel = (date: string, style: 'short' | 'long') =>
  DateTime.fromISO(date, { zone: 'UTC' }).toFormat(style === 'short' ? 'ccc d' : 'cccc, LLLL d');

/** "9:30 AM" on the business's clock. */
export const clock = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('h:mm a');

/** "Wed, Dec 2, 9:30 AM" on the business's clock. */
export const dayAndClock = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('ccc, LLL d, h:mm a');

/** "9 AM" for the grid's hour labels. */
export const hourLabel = (hour: number) => DateTime.fromObject({ hour: hour % 24 }, { zone: 'UTC' }).toFormat('h a');
