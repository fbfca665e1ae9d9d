import { describe, expect, it } from 'vitest';
import { assetWords, bookingDay, lastContactLabel } from './customer-format.ts';

const NOW = new Date('2027-03-14T15:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('lastContactLabel', () => {
  it('says when a customer was last in touch, in words', () => {
    expect(lastContactLabel(null, NOW)).toBe('Not in touch yet');
    expect(lastContactLabel(ago(0), NOW)).toBe('just now');
    expect(lastContactLabel(ago(5), NOW)).toBe('5 minutes ago');
    expect(lastContactLabel(ago(180), NOW)).toBe('3 hours ago');
    expect(lastContactLabel(ago(26 * 60), NOW)).toBe('yesterday');
    expect(lastContactLabel(ago(4 * 24 * 60), NOW)).toBe('4 days ago');
    expect(lastContactLabel('2026-12-01T12:00:00Z', NOW)).toBe('Dec 1, 2026');
  });

  it('shows a time it cannot read as it came', () => {
    expect(lastContactLabel('soon', NOW)).toBe('soon');
  });
});

describe('assetWords', () => {
  it("uses the trade's words", () => {
    expect(assetWords({ singular: 'vehicle', plural: 'vehicles' })).toEqual({
      heading: 'Vehicles', label: 'Vehicle', example: 'Year, make, model and colour, like “2019 Honda Civic, silver”', add: 'Add a vehicle', singular: 'vehicle',
    });
    expect(assetWords({ singular: 'pet', plural: 'pets' }).add).toBe('Add a pet');
  });

  it('says "an" before a vowel, and has plain words for a trade without any', () => {
    expect(assetWords({ singular: 'oven', plural: 'ovens' }).add).toBe('Add an oven');
    expect(assetWords(null)).toEqual({ heading: 'Items', label: 'Item', example: null, add: 'Add an item', singular: 'item' });
  });
});

describe('bookingDay', () => {
  it("is the date on the business's clock, not UTC's", () => {
    // 23:30 in Denver is already the next day in UTC.
    expect(bookingDay('2031-06-03T23:30:00-06:00')).toBe('2031-06-03');
    expect(bookingDay('not a time')).toBeNull();
  });
});
