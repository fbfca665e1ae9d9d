import { describe, expect, it } from 'vitest';
import { INDUSTRY_CHOICES, industryLabel } from './industries.ts';

describe('industries', () => {
  it("names a trade as its pack does, and a retired id readably", () => {
    expect(industryLabel('house-cleaning')).toBe('House cleaning');
    expect(industryLabel('other')).toBe('Other service business');
    expect(industryLabel('chimney_sweeping')).toBe('Chimney sweeping');
  });

  it('offers every pack, "Other" last, and no longer the retired "cleaning"', () => {
    const values = INDUSTRY_CHOICES.map((choice) => choice.value);
    expect(values).toContain('pool-service');
    expect(values).not.toContain('cleaning');
    expect(values.at(-1)).toBe('other');
  });
});
