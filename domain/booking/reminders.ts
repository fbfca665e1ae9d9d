import { DateTime } from 'luxon';

// When a booking's reminders go out. A lead of whole days is counted on the tenant's calendar, so a
// 9:00 job's "day before" reminder is at 9:00 the day before even across a DST change (23 or 25
// real hours); the rest of a lead is real minutes ("2 hours before" is 120 minutes before).

export interface PlannedReminder {
  /** Minutes before the start, as configured (1440 = the day before). */
  lead: number;
  /** ISO instant. */
  at: string;
}

const DAY_MIN = 1440;

export function reminderAt(start: Date, timeZone: string, leadMinutes: number): Date {
  const days = Math.floor(leadMinutes / DAY_MIN);
  const minutes = leadMinutes - days * DAY_MIN;
  return DateTime.fromJSDate(start, { zone: timeZone }).minus({ days }).minus({ minutes }).toJSDate();
}

/**
 * The reminders still worth sending for a start, earliest first: one whose time has passed is
 * skipped (a booking made 3 hours ahead gets no "day before" text), and of two leads falling at
 * once only one goes.
 */
export function planReminders(start: Date, timeZone: string, leads: readonly number[], now: Date): PlannedReminder[] {
  const planned = leads
    .filter((lead) => lead > 0)
    .map((lead) => ({ lead, at: reminderAt(start, timeZone, lead) }))
    .filter((r) => r.at.getTime() > now.getTime() && r.at.getTime() < start.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return planned.filter((r, i) => i === 0 || r.at.getTime() !== planned[i - 1]!.at.getTime()).map((r) => ({ lead: r.lead, at: r.at.toISOString() }));
}
