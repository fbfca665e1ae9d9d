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
