import { DateTime } from 'luxon';

/** Local times ("HH:mm") between which automated texts are held; the window may wrap midnight. */
export interface QuietWindow {
  start: string;
  end: string;
}

/** 21:00–08:00 local: the conservative reading of US texting rules (TCPA) for marketing-style texts. */
export const DEFAULT_QUIET_WINDOW: QuietWindow = { start: '21:00', end: '08:00' };

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The tenant's clock at `at`; an unknown zone falls back to US Central (the schema's default), not to the server's zone, which is arbitrary. */
function localTime(at: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.isValid ? local : DateTime.fromJSDate(at, { zone: 'America/Chicago' });
}

/** True when `at` falls inside the quiet window in the tenant's time zone. */
export function isQuietHours(at: Date, timeZone: string, window: QuietWindow = DEFAULT_QUIET_WINDOW): boolean {
  const local = localTime(at, timeZone);
  const now = local.hour * 60 + local.minute;
  const start = minutes(window.start);
  const end = minutes(window.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When the quiet window `at` falls in ends (the next `end` on the tenant's clock, daylight saving
 * time included), or null when `at` is not in quiet hours. A held text goes out then.
 */
export function quietHoursEnd(at: Date, timeZone: string, window: QuietWindow = DEFAULT_QUIET_WINDOW): Date | null {
  if (!isQuietHours(at, timeZone, window)) return null;
  const local = localTime(at, timeZone);
  const endMinutes = minutes(window.end);
  let end = local.set({ hour: Math.floor(endMinutes / 60), minute: endMinutes % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
