// How the "Services & hours" page says things: lengths, notice, a week of hours and days off in an
// owner's words, and the field messages of the API's own schemas for the forms that use them.
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { clockLabel } from '../../../../../domain/sites/hours.ts';
import { WEEKDAYS, type WeeklyHours } from '../../../../../domain/weekly-hours.ts';

/** 90 → "1 h 30 min"; 45 → "45 min"; 120 → "2 h". */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Minutes of notice in words: 0 → "none", 120 → "2 hours", 1440 → "1 day". */
export function noticeLabel(minutes: number): string {
  if (minutes === 0) return 'none';
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

const SHORT_DAY = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

/** A week in one line, days with the same hours run together: "Mon–Fri 8 AM – 5 PM · Sat 9 AM – 12 PM". */
export function weekSummary(hours: WeeklyHours | null): string {
  if (!hours) return 'Same as the business hours';
  const groups: { first: string; last: string; text: string }[] = [];
  WEEKDAYS.forEach((day) => {
    const periods = hours[day] ?? [];
    const text = periods.map(([from, to]) => `${clockLabel(from)} – ${clockLabel(to)}`).join(', ');
    const previous = groups.at(-1);
    const follows = previous && WEEKDAYS.indexOf(day) - 1 === WEEKDAYS.indexOf(previous.last as (typeof WEEKDAYS)[number]);
    if (text && previous && follows && previous.text === text) previous.last = day;
    else if (text) groups.push({ first: day, last: day, text });
  });
  if (groups.length === 0) return 'No working hours';
  const name = (day: string) => SHORT_DAY[day as keyof typeof SHORT_DAY];
  return groups.map((g) => `${g.first === g.last ? name(g.first) : `${name(g.first)}–${name(g.last)}`} ${g.text}`).join(' · ');
}

/** "2026-12-14", "2026-12-18" → "Mon 14 Dec – Fri 18 Dec"; one day → "Mon 14 Dec". */
export function daysLabel(from: string, through: string): string {
  const label = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL');
  return from === through ? label(from) : `${label(from)} – ${label(through)}`;
}

/** The first message per field of a failed parse, named as the API names fields (`weeklyHours.mon.1`). */
export function fieldMessages(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}
