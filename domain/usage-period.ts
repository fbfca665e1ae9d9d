/** The usage period (UTC month, `YYYY-MM`) an instant counts towards: texts and calls alike. */
export const usagePeriod = (at: Date) => at.toISOString().slice(0, 7);

/** Billed call minutes: every started minute counts, as carriers bill. */
export const callMinutes = (seconds: number) => Math.ceil(Math.max(0, seconds) / 60);

/** The first instant of a month and of the month after it (UTC, ms). */
export function periodBounds(period: string): { start: number; end: number } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
}

/**
 * When a month's total is stamped. The current month: now (Stripe's default, undefined). A past
 * month (reported on the 1st for the last hours of the month before): its last second, so under
 * `last` aggregation it can never be taken for the new month's total.
 */
export function usageEventTimestamp(period: string, now: Date): number | undefined {
  const { end } = periodBounds(period);
  return now.getTime() >= end ? Math.floor(end / 1000) - 1 : undefined;
}
