// Pure month arithmetic for the usage workflow (no Temporal imports, so tests can call it directly).
import { usagePeriod } from '../domain/usage-period.ts';

/**
 * The months to report at `now`: the current one, and on the first day of a month (UTC) the
 * previous one too, so texts and calls of its last hours (after its last run) still reach Stripe.
 */
export function periodsToReport(now: Date): string[] {
  const current = usagePeriod(now);
  if (now.getUTCDate() !== 1) return [current];
  const previous = usagePeriod(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
  return [previous, current];
}
