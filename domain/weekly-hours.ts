// Hours on a tenant's clock, in one place: the `HH:mm` times they are written in, the stored shape
// of business hours (tenant_phone_config.business_hours) with its rules, "open now?", and the quiet
// hours that hold automatic texts. Shared by the API's validation, the IVR, the messaging
// activities and the web app's editor.
//
//   { "mon": [["08:00","12:00"],["13:00","17:00"]], "tue": [...], ... }
//
// Keys mon..sun; a missing or empty day is closed. Times are 24-hour `HH:mm` in the tenant's
// time zone; each period ends after it starts (no overnight periods) and periods never overlap.
import { DateTime } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Period = [start: string, end: string];
export type WeeklyHours = Partial<Record<Weekday, Period[]>>;

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Split shifts are fine; a day with more periods than this is almost surely a mistake. */
export const MAX_PERIODS_PER_DAY = 6;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for `HH:mm`, or null when it is not a valid 24-hour time. */
export function minutesOf(time: string): number | null {
  const match = HH_MM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export interface PeriodProblem {
  /** Index of the period in the day's list. */
  index: number;
  message: string;
}

/** What is wrong with one day's periods, for people: bad times, end before start, overlaps. */
export function periodProblems(periods: readonly (readonly [string, string])[]): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const valid: { index: number; start: number; end: number; label: string }[] = [];
  periods.forEach(([start, end], index) => {
    const from = minutesOf(start);
    const to = minutesOf(end);
    if (from === null || to === null) {
      problems.push({ index, message: 'Use 24-hour times like 08:00 or 17:30' });
    } else if (to <= from) {
      problems.push({ index, message: `The closing time must be after the opening time (${start})` });
    } else {
      valid.push({ index, start: from, end: to, label: `${start}–${end}` });
    }
  });
  // Touching periods (12:00–13:00 then 13:00–17:00) are fine; sharing any minute is not.
  const sorted = [...valid].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.start < previous.end) {
      const later = current.index > previous.index ? current : previous;
      const other = later === current ? previous : current;
      problems.push({ index: later.index, message: `This overlaps ${other.label}` });
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

/** The days in week order with their periods sorted by start: how hours are stored and shown. */
export function normalizeWeeklyHours(hours: WeeklyHours): WeeklyHours {
  const normalized: WeeklyHours = {};
  for (const day of WEEKDAYS) {
    const periods = hours[day];
    if (periods?.length) normalized[day] = [...periods].sort((a, b) => (minutesOf(a[0]) ?? 0) - (minutesOf(b[0]) ?? 0));
  }
  return normalized;
}

/**
 * Whether the business is open at `at`, judged on the wall clock of `timeZone` — so a split shift
 * and the days clocks change (DST) come out right. No hours set means always open; a period with
 * a time that is not `HH:mm` never matches (stored hours are validated, so none has one).
 */
export function isOpen(hours: WeeklyHours | null | undefined, timeZone: string, at: Date): boolean {
  if (!hours || Object.keys(hours).length === 0) return true;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) return true;
  const day = WEEKDAYS[local.weekday - 1]!;
  const minute = local.hour * 60 + local.minute;
  return (hours[day] ?? []).some(([from, to]) => {
    const start = minutesOf(from);
    const end = minutesOf(to);
    return start !== null && end !== null && minute >= start && minute < end;
  });
}

// ── Quiet hours: when automatic texts are held ──────────────────────────────────────────────

/** Local times (`HH:mm`) between which automated texts are held; the window may wrap midnight. */
export interface QuietWindow {
  start: string;
  end: string;
}

/** 21:00–08:00 local: the conservative reading of US texting rules (TCPA) for marketing-style texts. */
export const DEFAULT_QUIET_WINDOW: QuietWindow = { start: '21:00', end: '08:00' };

/** Minutes after midnight of a window's time; a window is written by us, so a bad one is a bug. */
function windowMinutes(time: string): number {
  const minutes = minutesOf(time);
  if (minutes === null) throw new Error(`A quiet window time must be HH:mm, not ${JSON.stringify(time)}`);
  return minutes;
}

/** The tenant's clock at `at`; an unknown zone falls back to US Central (the schema's default), not to the server's zone, which is arbitrary. */
function localTime(at: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.isValid ? local : DateTime.fromJSDate(at, { zone: 'America/Chicago' });
}

/** True when `at` falls inside the quiet window in the tenant's time zone. */
export function isQuietHours(at: Date, timeZone: string, window: QuietWindow = DEFAULT_QUIET_WINDOW): boolean {
  const local = localTime(at, timeZone);
  const now = local.hour * 60 + local.minute;
  const start = windowMinutes(window.start);
  const end = windowMinutes(window.end);
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
  const endMinutes = windowMinutes(window.end);
  let end = local.set({ hour: Math.floor(endMinutes / 60), minute: endMinutes % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
