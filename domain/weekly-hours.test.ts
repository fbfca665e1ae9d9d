import { describe, expect, it } from 'vitest';
import { isOpen, isQuietHours, quietHoursEnd, type WeeklyHours } from './weekly-hours.ts';

const splitShift: WeeklyHours = { mon: [['08:00', '12:00'], ['13:00', '17:00']], sat: [['09:00', '13:00']] };
const chicago = 'America/Chicago';

describe('isOpen', () => {
  it('follows split shifts on the tenant’s wall clock', () => {
    expect(isOpen(splitShift, chicago, new Date('2026-11-23T14:30:00Z'))).toBe(true); // Mon 08:30 CST
    expect(isOpen(splitShift, chicago, new Date('2026-11-23T18:30:00Z'))).toBe(false); // Mon 12:30, lunch
    expect(isOpen(splitShift, chicago, new Date('2026-11-23T19:00:00Z'))).toBe(true); // Mon 13:00
    expect(isOpen(splitShift, chicago, new Date('2026-11-23T23:00:00Z'))).toBe(false); // Mon 17:00, closed
    expect(isOpen(splitShift, chicago, new Date('2026-11-24T15:00:00Z'))).toBe(false); // Tuesday: no hours
  });

  it('is DST-correct: 08:30 local is open on both sides of the change', () => {
    // 2026-03-09 is the Monday after US DST starts (CDT, UTC-5); 2026-11-02 the Monday after it ends (CST, UTC-6).
    expect(isOpen(splitShift, chicago, new Date('2026-03-09T13:30:00Z'))).toBe(true); // 08:30 CDT
    expect(isOpen(splitShift, chicago, new Date('2026-03-09T12:30:00Z'))).toBe(false); // 07:30 CDT
    expect(isOpen(splitShift, chicago, new Date('2026-11-02T14:30:00Z'))).toBe(true); // 08:30 CST
    expect(isOpen(splitShift, chicago, new Date('2026-11-02T13:30:00Z'))).toBe(false); // 07:30 CST
  });

  it('no hours set means always open', () => {
    expect(isOpen(null, chicago, new Date())).toBe(true);
    expect(isOpen({}, chicago, new Date())).toBe(true);
  });
});

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

describe('quietHoursEnd: when a held text goes out', () => {
  const end = (iso: string, zone: string, window?: { start: string; end: string }) => quietHoursEnd(at(iso), zone, window)?.toISOString() ?? null;

  it('is the next 08:00 on the tenant clock, the same night or the next morning', () => {
    expect(end('2026-01-15T03:30:00Z', 'America/Chicago')).toBe('2026-01-15T14:00:00.000Z'); // 21:30 → 08:00 next day
    expect(end('2026-01-15T07:30:00Z', 'America/Chicago')).toBe('2026-01-15T14:00:00.000Z'); // 01:30 → 08:00 the same day
    expect(end('2026-01-15T13:59:57Z', 'America/Chicago')).toBe('2026-01-15T14:00:00.000Z'); // three seconds before the end
    expect(end('2026-01-15T03:30:00Z', 'America/New_York')).toBe('2026-01-15T13:00:00.000Z');
  });

  it('is null outside quiet hours', () => {
    expect(end('2026-01-15T18:00:00Z', 'America/Chicago')).toBeNull();
    expect(end('2026-01-15T14:00:00Z', 'America/Chicago')).toBeNull();
  });

  it('follows daylight saving time: the night the clocks spring forward ends at 08:00 CDT', () => {
    expect(end('2026-03-08T04:00:00Z', 'America/Chicago')).toBe('2026-03-08T13:00:00.000Z'); // 22:00 CST → 08:00 CDT
  });

  it('takes another window, and falls back to US Central for an unknown zone', () => {
    expect(end('2026-01-15T13:00:00Z', 'UTC', { start: '12:00', end: '20:00' })).toBe('2026-01-15T20:00:00.000Z');
    expect(end('2026-01-15T03:30:00Z', 'Not/AZone')).toBe('2026-01-15T14:00:00.000Z');
  });
});
