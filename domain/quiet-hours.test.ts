import { describe, expect, it } from 'vitest';
import { isQuietHours } from './quiet-hours.ts';

const at = (iso: string) => new Date(iso);

describe('isQuietHours (default 21:00–08:00 local)', () => {
  it('is judged in the tenant time zone', () => {
    // 03:30 UTC in January = 21:30 in Chicago, 22:30 in New York, 19:30 in Los Angeles.
    expect(isQuietHours(at('2026-01-15T03:30:00Z'), 'America/Chicago')).toBe(true);
    expect(isQuietHours(at('2026-01-15T03:30:00Z'), 'America/New_York')).toBe(true);
    expect(isQuietHours(at('2026-01-15T03:30:00Z'), 'America/Los_Angeles')).toBe(false);
  });

  it('starts at 21:00 and ends at 08:00, wrapping midnight', () => {
    const chicago = (local: string) => isQuietHours(at(`2026-01-15T${local}:00-06:00`), 'America/Chicago');
    expect(chicago('20:59')).toBe(false);
    expect(chicago('21:00')).toBe(true);
    expect(chicago('23:59')).toBe(true);
    expect(chicago('00:00')).toBe(true);
    expect(chicago('07:59')).toBe(true);
    expect(chicago('08:00')).toBe(false);
    expect(chicago('12:00')).toBe(false);
  });

  it('follows daylight saving time', () => {
    // 13:30 UTC is 07:30 CST (quiet) in March before the change, 08:30 CDT (not quiet) after it.
    expect(isQuietHours(at('2026-03-07T13:30:00Z'), 'America/Chicago')).toBe(true);
    expect(isQuietHours(at('2026-03-09T13:30:00Z'), 'America/Chicago')).toBe(false);
  });

  it('takes another window, including one that does not wrap', () => {
    expect(isQuietHours(at('2026-01-15T19:30:00Z'), 'UTC', { start: '12:00', end: '20:00' })).toBe(true);
    expect(isQuietHours(at('2026-01-15T20:30:00Z'), 'UTC', { start: '12:00', end: '20:00' })).toBe(false);
  });

  it('falls back to US Central for an unknown zone', () => {
    expect(isQuietHours(at('2026-01-15T03:30:00Z'), 'Not/AZone')).toBe(true);
  });
});
