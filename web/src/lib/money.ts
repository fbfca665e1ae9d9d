// Money as people type it and as the API takes it: dollars in the forms ("79", "149.50", "$1,200"),
// whole cents on the wire. One conversion each way, for every form that asks for a price.

/** "149.50" → 14950; "$1,200" → 120000; anything that is not dollars and cents → NaN. */
export function dollarsToCents(dollars: string): number {
  const cleaned = dollars.replace(/[$,\s]/g, '');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : Number.NaN;
}

/** 14950 → "149.50"; 7900 → "79": what a dollar field shows for a stored amount. */
export const centsToDollars = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

export const DOLLARS_HINT = 'Enter an amount in dollars, like 79 or 149.50';
