import { describe, expect, it } from 'vitest';
import { bookingChangeInput } from '../../../domain/inputs/booking.ts';
import { atClock, hourRange, lanes, onClock, snap, stepDate, todayIn, weekDates, window } from './calendar-time.ts';

describe('the calendar clock', () => {
  it('places a booking at its wall-clock time in the business zone, whatever the offset it came with', () => {
    expect(onClock('2026-12-02T09:30:00-06:00', 'America/Chicago')).toEqual({ date: '2026-12-02', minutes: 570 });
    expect(onClock('2026-12-02T15:30:00Z', 'America/Chicago')).toEqual({ date: '2026-12-02', minutes: 570 });
    expect(onClock('2026-12-02T03:00:00Z', 'America/Los_Angeles')).toEqual({ date: '2026-12-01', minutes: 19 * 60 });
  });

  it('a 9:00 drop stays 9:00 local on both sides of a DST change', () => {
    expect(atClock('2027-03-13', 540, 'America/New_York')).toBe('2027-03-13T09:00:00-05:00');
    expect(atClock('2027-03-14', 540, 'America/New_York')).toBe('2027-03-14T09:00:00-04:00');
    expect(atClock('2026-11-01', 540, 'America/Denver')).toBe('2026-11-01T09:00:00-07:00');
    expect(atClock('2026-03-08', 540, 'America/Phoenix')).toBe('2026-03-08T09:00:00-07:00');
  });

  it('a drop is a start the API takes (it refused times without seconds)', () => {
    const change = bookingChangeInput.parse({ action: 'reschedule', start: atClock('2027-03-14', 570, 'America/New_York') });
    expect(change).toMatchObject({ action: 'reschedule', start: new Date('2027-03-14T13:30:00Z') });
  });

  it('a day window spans local midnight to midnight, 23 hours on a spring-forward day', () => {
    const { from, to } = window(['2027-03-14'], 'America/Chicago');
    expect(from).toBe('2027-03-14T00:00:00.000-06:00');
    expect(to).toBe('2027-03-15T00:00:00.000-05:00');
    expect((Date.parse(to) - Date.parse(from)) / 3_600_000).toBe(23);
  });

  it('weeks start on Monday; steps move by a week or a day', () => {
    expect(weekDates('2026-12-02')[0]).toBe('2026-11-30');
    expect(weekDates('2026-12-06')[6]).toBe('2026-12-06');
    expect(stepDate('week', '2026-12-02', 1)).toBe('2026-12-09');
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01');
  });

  it('today is the business date, not the browser date', () => {
    expect(todayIn('Pacific/Honolulu', new Date('2026-12-02T05:00:00Z'))).toBe('2026-12-01');
  });

  it('snaps to the slot interval and stretches the hours to hold late jobs', () => {
    expect(snap(547, 30)).toBe(540);
    expect(snap(556, 30)).toBe(570);
    expect(snap(556, 15)).toBe(555);
    expect(hourRange([{ start: 6 * 60 + 30, end: 21 * 60 + 15 }])).toEqual({ from: 6, to: 22 });
  });

  it('overlapping blocks share a column in lanes, others take the full width', () => {
    const result = lanes([
      { id: 'a', start: 540, end: 600 },
      { id: 'b', start: 570, end: 630 },
      { id: 'c', start: 700, end: 760 },
    ]);
    expect(result.get('a')).toEqual({ lane: 0, of: 2 });
    expect(result.get('b')).toEqual({ lane: 1, of: 2 });
    expect(result.get('c')).toEqual({ lane: 0, of: 1 });
  });
});
