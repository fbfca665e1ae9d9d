// How often the workflow asks Twilio how a review is going: soon at first, then less and less
// often (reviews take days to weeks), and at once when Twilio calls back. One place, so tests inject
// short durations and everyone else gets the real ones.

export interface PollingDurations {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_POLLING: PollingDurations = { firstMs: 60_000, maxMs: 60 * 60_000 };

/** The wait before the `n`-th check of a review (0 = the first): doubling from `firstMs`, capped at `maxMs`. */
export function pollDelayMs(n: number, polling: PollingDurations): number {
  return Math.min(polling.maxMs, polling.firstMs * 2 ** Math.min(n, 30));
}
