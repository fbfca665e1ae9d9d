// The stored shape of a tenant's business hours (tenant_phone_config.business_hours) and its
// rules. Shared by the API's validation and the web app's editor; domain/business-hours.ts
// reads the same shape to decide "open now?".
//
//   { "mon": [["08:00","12:00"],["13:00","17:00"]], "tue": [...], ... }
//
// Keys mon..sun; a missing or empty day is closed. Times are 24-hour `HH:mm` in the tenant's
// time zone; each period ends after it starts (no overnight periods) and periods never overlap.

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
