import { describe, expect, it } from 'vitest';
import { daysLabel, durationLabel, noticeLabel, weekSummary } from './setup-format.ts';

describe('the Services & hours page’s words', () => {
  it('says lengths and notice as people do', () => {
    expect([45, 60, 90, 720].map(durationLabel)).toEqual(['45 min', '1 h', '1 h 30 min', '12 h']);
    expect([0, 30, 60, 120, 1440, 2880].map(noticeLabel)).toEqual(['none', '30 minutes', '1 hour', '2 hours', '1 day', '2 days']);
  });

  it('runs days with the same hours together, and says when a resource keeps the business hours', () => {
    const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '17:00']]]));
    expect(weekSummary({ ...weekdays, sat: [['09:00', '12:30']] } as never)).toBe('Mon–Fri 8 AM – 5 PM · Sat 9 AM – 12:30 PM');
    expect(weekSummary({ mon: [['08:00', '12:00']], wed: [['08:00', '12:00']] })).toBe('Mon 8 AM – 12 PM · Wed 8 AM – 12 PM');
    expect(weekSummary(null)).toBe('Same as the business hours');
  });

  it('names days off by weekday and date', () => {
    expect(daysLabel('2026-12-14', '2026-12-18')).toBe('Mon 14 Dec – Fri 18 Dec');
    expect(daysLabel('2026-12-14', '2026-12-14')).toBe('Mon 14 Dec');
  });
});
