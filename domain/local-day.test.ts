import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, localDay } from './local-day.ts';

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
