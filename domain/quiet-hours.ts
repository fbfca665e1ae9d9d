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

/**
 * True when `at` falls inside the quiet window in the tenant's time zone. An unknown zone falls
 * back to US Central (the schema's default) rather than to the server's zone, which is arbitrary.
 */
export function isQuietHours(at: Date, timeZone: string, window: QuietWindow = DEFAULT_QUIET_WINDOW): boolean {
  let local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) local = DateTime.fromJSDate(at, { zone: 'America/Chicago' });
  const now = local.hour * 60 + local.minute;
  const start = minutes(window.start);
  const end = minutes(window.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
