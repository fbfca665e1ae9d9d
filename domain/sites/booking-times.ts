import { DateTime } from 'luxon';

// How the public booking pages say times: always on the business's clock, with the zone named
// ("Sat Mar 14, 9:00 AM CDT"), so a visitor in another zone is never misled. Pure: the pages and the
// tests format the same way.

const zoned = (at: string | Date, timeZone: string) => (typeof at === 'string' ? DateTime.fromISO(at, { zone: timeZone }) : DateTime.fromJSDate(at, { zone: timeZone })).setLocale('en-US');

/** "Sat Mar 14, 9:00 AM CDT" */
export const whenLabel = (at: string | Date, timeZone: string) => zoned(at, timeZone).toFormat('ccc LLL d, h:mm a ZZZZ');
/** "9:00 AM" (a slot button; the day and zone are the page's heading) */
export const timeLabel = (at: string | Date, timeZone: string) => zoned(at, timeZone).toFormat('h:mm a');
/** "CDT" on that instant (names the zone beside a day's times: it changes with daylight saving). */
export const zoneLabel = (at: string | Date, timeZone: string) => zoned(at, timeZone).toFormat('ZZZZ');
/** "Saturday, March 14" for a YYYY-MM-DD date. */
export const dayHeading = (date: string) => DateTime.fromISO(date).setLocale('en-US').toFormat('cccc, LLLL d');
/** "Sat 14" for a day link. */
export const dayShort = (date: string) => DateTime.fromISO(date).setLocale('en-US').toFormat('ccc d');
/** The instant as UTC ISO, the one form a slot travels in links and forms. */
export const instantIso = (at: string | Date) => (typeof at === 'string' ? DateTime.fromISO(at, { setZone: true }) : DateTime.fromJSDate(at)).toUTC().toISO({ suppressMilliseconds: true })!;

/** Today on the business's clock, as YYYY-MM-DD. */
export const localToday = (timeZone: string, now: Date) => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** A YYYY-MM-DD that names a real day, or null. */
export function validDate(text: string | undefined): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return DateTime.fromISO(text).isValid ? text : null;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);

/** The free starts nearest to `wanted`, earliest first: what to offer when the chosen time was taken. */
export function nearestStarts<T extends { start: string | Date }>(slots: T[], wanted: Date, count = 3): T[] {
  const distance = (slot: T) => Math.abs(new Date(slot.start).getTime() - wanted.getTime());
  return [...slots].sort((a, b) => distance(a) - distance(b)).slice(0, count).sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
}
