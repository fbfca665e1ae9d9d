const DAY_MS = 86_400_000;

/** Whole days left in a free trial, counted up ("2.5 days" is 3 days left), never below 0. */
export function trialDaysLeft(trialEndsAt: Date | string, now: Date = new Date()): number {
  const end = trialEndsAt instanceof Date ? trialEndsAt.getTime() : Date.parse(trialEndsAt);
  return Math.max(0, Math.ceil((end - now.getTime()) / DAY_MS));
}

/** From this many days left, every page of the business says the trial is ending. */
export const TRIAL_ENDING_SOON_DAYS = 3;
