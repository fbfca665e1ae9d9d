// Plain words for the customer book: when someone was last in touch, what the trade calls what it
// works on, and which calendar day a booking is on.
import type { AssetLabel } from '../api/types.ts';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const olderDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** After "Last contact": "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then the date; a customer never in touch says so. */
export function lastContactLabel(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'Not in touch yet';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.max(0, Math.round((now.getTime() - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return relative.format(-days, 'day');
  return olderDate.format(at);
}

/** What a trade with no word of its own shows for a customer's imported assets. */
const GENERIC_ASSET: AssetLabel = { singular: 'item', plural: 'items' };

/** What to write about one, for the words the industry packs use (domain/industry-packs). */
const EXAMPLES: Record<string, string> = {
  vehicle: 'Year, make, model and colour, like “2019 Honda Civic, silver”',
  pet: 'Name and breed, like “Biscuit, golden retriever”',
  pool: 'Kind and size, like “In-ground, 15,000 gallons”',
};

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

export interface AssetWords {
  /** "Vehicles": the card's heading. */
  heading: string;
  /** "Vehicle": the label of one's description. */
  label: string;
  /** A hint of what to write, when the trade has one. */
  example: string | null;
  /** "Add a vehicle". */
  add: string;
  /** "vehicle", for sentences. */
  singular: string;
}

export function assetWords(label: AssetLabel | null): AssetWords {
  const { singular, plural } = label ?? GENERIC_ASSET;
  return { heading: capitalized(plural), label: capitalized(singular), example: EXAMPLES[singular] ?? null, add: `Add ${/^[aeiou]/i.test(singular) ? 'an' : 'a'} ${singular}`, singular };
}

/** The business's own date of a booking ("2031-06-03T09:00:00-06:00" → "2031-06-03"): its times carry the business's offset. */
export function bookingDay(start: string): string | null {
  const date = /^(\d{4}-\d{2}-\d{2})T/.exec(start)?.[1];
  return date && !Number.isNaN(Date.parse(date)) ? date : null;
}
