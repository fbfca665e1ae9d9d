// "Today" on a business's own clock: the dashboard counts calls from its local midnight, not UTC's.
import { DateTime } from 'luxon';

/** A business with no phone settings yet keeps the schema's default (tenant_phone_config.time_zone). */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

/**
 * The local day around `now` in `timeZone` (an IANA name): its date and the instants it starts and
 * ends (end exclusive). Days are not always 24 hours: a daylight-saving change makes one 23 or 25.
 * An unknown zone falls back to DEFAULT_TIME_ZONE rather than failing the page.
 */
export function localDay(timeZone: string, now: Date = new Date()): { date: string; start: Date; end: Date; timeZone: string } {
  let local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE });
  const start = local.startOf('day');
  return { date: start.toISODate()!, start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate(), timeZone: local.zoneName ?? DEFAULT_TIME_ZONE };
}

/**
 * Whole local days `from`…`through` (YYYY-MM-DD, both included) on the clock of `timeZone`, as the
 * instants they start and end (end exclusive): "Mon 14 Dec – Fri 18 Dec off" is from the business's
 * midnight on the 14th to its midnight after the 18th, however many hours daylight saving makes that.
 * Null when a date is not a real date or `through` is before `from`.
 */
export function localDays(from: string, through: string, timeZone: string): { start: Date; end: Date } | null {
  const zone = DateTime.now().setZone(timeZone).isValid ? timeZone : DEFAULT_TIME_ZONE;
  const first = DateTime.fromISO(from, { zone });
  const last = DateTime.fromISO(through, { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(through) || !first.isValid || !last.isValid || last < first) return null;
  return { start: first.startOf('day').toJSDate(), end: last.startOf('day').plus({ days: 1 }).toJSDate() };
}

/** The local date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export const localDate = (at: Date, timeZone: string): string => localDay(timeZone, at).date;
