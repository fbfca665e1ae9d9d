import { describe, expect, it } from 'vitest';
import { isOpen, type BusinessHours } from './business-hours.ts';

const splitShift: BusinessHours = { mon: [['08:00', '12:00'], ['13:00', '17:00']], sat: [['09:00', '13:00']] };
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
