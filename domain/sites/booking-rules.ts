import { formatPrice } from './site-model.ts';

// What the public booking pages ask and tell, by trade and by the business's booking rules. Pure.

/** Trades that always work at the customer's place: the booking asks where. Others (a grooming salon) may. */
const GOES_TO_CUSTOMER = new Set(['auto-detailing', 'lawn-care', 'house-cleaning', 'carpet-cleaning', 'window-cleaning', 'gutter-cleaning', 'pressure-washing', 'pool-service', 'handyman']);

export const addressRule = (packId: string): 'required' | 'optional' => (GOES_TO_CUSTOMER.has(packId) ? 'required' : 'optional');

export interface CancellationRules {
  cancellationWindowHours: number;
  cancellationFeeCents: number;
}

/** Said before the customer confirms a cancellation: whether the late fee applies, in plain words. */
export function cancellationNotice(rules: CancellationRules, start: Date, now: Date): string {
  const hours = rules.cancellationWindowHours;
  const late = start.getTime() - now.getTime() < hours * 3_600_000;
  if (!late || hours === 0) return `Cancelling now is free: it is more than ${hours} hours before the start.`;
  if (rules.cancellationFeeCents > 0) return `It is less than ${hours} hours before the start, so our late-cancellation fee of ${formatPrice(rules.cancellationFeeCents)} applies.`;
  return `It is less than ${hours} hours before the start. There is no fee, but please let us know sooner next time.`;
}
