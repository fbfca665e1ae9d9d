import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, localDay, localDays } from './local-day.ts';

describe('localDay', () => {
  it("starts at the business's midnight: 05:30 UTC is still yesterday in Chicago, already today in Berlin", () => {
    const now = new Date('2026-01-15T05:30:00Z');
    expect(localDay('America/Chicago', now)).toMatchObject({ date: '2026-01-14', start: new Date('2026-01-14T06:00:00Z'), end: new Date('2026-01-15T06:00:00Z') });
    expect(localDay('Europe/Berlin', now)).toMatchObject({ date: '2026-01-15', start: new Date('2026-01-14T23:00:00Z') });
  });

  it('a day with a daylight-saving change is 23 hours long (Chicago, 8 March 2026)', () => {
    const { start, end } = localDay('America/Chicago', new Date('2026-03-08T18:00:00Z'));
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('an unknown zone falls back to the default instead of failing', () => {
    expect(localDay('Mars/Olympus', new Date('2026-01-15T12:00:00Z'))).toMatchObject({ timeZone: DEFAULT_TIME_ZONE, date: '2026-01-15' });
  });
});

describe('localDays', () => {
  it('Mon 14 – Fri 18 Dec in Chicago is five whole days from local midnight to local midnight', () => {
    expect(localDays('2026-12-14', '2026-12-18', 'America/Chicago')).toEqual({ start: new Date('2026-12-14T06:00:00Z'), end: new Date('2026-12-19T06:00:00Z') });
  });

  it('days across the spring change are one hour short (Chicago, 7–8 March 2026), across the autumn one an hour long', () => {
    const spring = localDays('2026-03-07', '2026-03-08', 'America/Chicago')!;
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(47);
    const autumn = localDays('2026-11-01', '2026-11-01', 'America/Chicago')!;
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it('refuses an end before the start, and dates that are not dates', () => {
    expect(localDays('2026-12-18', '2026-12-14', 'America/Chicago')).toBeNull();
    expect(localDays('2026-02-30', '2026-03-01', 'America/Chicago')).toBeNull();
    expect(localDays('14/12/2026', '2026-12-18', 'America/Chicago')).toBeNull();
  });
});
