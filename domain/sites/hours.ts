import { DateTime } from 'luxon';
import { businessHoursInput } from '../inputs/phone-settings.ts';
import { isOpen, minutesOf, normalizeWeeklyHours, WEEKDAY_NAMES, WEEKDAYS, type Weekday, type WeeklyHours } from '../weekly-hours.ts';

// The business's weekly hours (tenant_phone_config.business_hours) as a website shows them: a row
// per day in people's words, today marked, and open or closed right now on the tenant's clock.

export interface HoursRow {
  day: Weekday;
  name: string;
  /** "8 AM – 12 PM, 1 – 5:30 PM" style text, or "Closed". */
  text: string;
  periods: [string, string][];
  today: boolean;
}

export interface SiteHours {
  rows: HoursRow[];
  /** null when the business has set no hours: the site then says nothing about "open now". */
  openNow: boolean | null;
  timeZone: string;
}

/** "08:00" → "8 AM", "17:30" → "5:30 PM". */
export function clockLabel(time: string): string {
  const minutes = minutesOf(time) ?? 0;
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const suffix = hour < 12 ? 'AM' : 'PM';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}${minute ? `:${String(minute).padStart(2, '0')}` : ''} ${suffix}`;
}

/** Stored hours that pass the settings' own rules, or null (none set, or a row that is not hours). */
export function storedHours(stored: unknown): WeeklyHours | null {
  const parsed = businessHoursInput.safeParse(stored ?? null);
  if (!parsed.success) return null;
  const hours = normalizeWeeklyHours(parsed.data as WeeklyHours);
  return Object.keys(hours).length > 0 ? hours : null;
}

export function siteHours(stored: unknown, timeZone: string, now: Date): SiteHours | null {
  const hours = storedHours(stored);
  if (!hours) return null;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = WEEKDAYS[(local.isValid ? local.weekday : DateTime.fromJSDate(now).weekday) - 1];
  const rows = WEEKDAYS.map((day) => {
    const periods = (hours[day] ?? []) as [string, string][];
    const text = periods.length ? periods.map(([from, to]) => `${clockLabel(from)} – ${clockLabel(to)}`).join(', ') : 'Closed';
    return { day, name: WEEKDAY_NAMES[day], text, periods, today: day === today };
  });
  return { rows, openNow: isOpen(hours, timeZone, now), timeZone };
}
