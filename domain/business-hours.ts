import { DateTime } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening periods per weekday in the tenant's own time zone, e.g. `{ mon: [["08:00","12:00"],["13:00","17:00"]] }`. */
export type BusinessHours = Partial<Record<Weekday, [string, string][]>>;

/**
 * Whether the business is open at `at`, judged on the wall clock of `timeZone` — so a split shift
 * and the days clocks change (DST) come out right. No hours set means always open.
 */
export function isOpen(hours: BusinessHours | null | undefined, timeZone: string, at: Date): boolean {
  if (!hours || Object.keys(hours).length === 0) return true;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) return true;
  const day = WEEKDAYS[local.weekday - 1]!;
  const minute = local.hour * 60 + local.minute;
  return (hours[day] ?? []).some(([from, to]) => minute >= minutesOf(from) && minute < minutesOf(to));
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
