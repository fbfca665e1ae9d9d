import { describe, expect, it } from 'vitest';
import { messageStatusLabel, whenOnBusinessClock } from './tenant-format.ts';

describe('messageStatusLabel', () => {
  it('a held text says until when, on the business clock', () => {
    expect(messageStatusLabel({ status: 'blocked_quiet_hours', heldUntil: '2026-01-15T14:00:00.000Z', timeZone: 'America/Chicago' })).toBe('Held until 8:00 AM');
    expect(messageStatusLabel({ status: 'blocked_quiet_hours', heldUntil: '2026-01-15T14:00:00.000Z', timeZone: 'America/New_York' })).toBe('Held until 9:00 AM');
    // Held before texts had timers: it will never go out, so it does not say "held".
    expect(messageStatusLabel({ status: 'blocked_quiet_hours', heldUntil: null, timeZone: 'America/Chicago' })).toBe('Not sent — quiet hours');
  });

  it('names the other outcomes in plain words', () => {
    expect(messageStatusLabel({ status: 'sent', heldUntil: null, timeZone: 'UTC' })).toBe('Sent');
    expect(messageStatusLabel({ status: 'blocked_destination', heldUntil: null, timeZone: 'UTC' })).toBe('Not sent — number not allowed');
  });
});

describe('whenOnBusinessClock', () => {
  it("shows today's moments as a time and older ones with their date, on the business's clock", () => {
    // 02:11 UTC on Dec 2 is 7:11 PM on Dec 1 in Denver.
    expect(whenOnBusinessClock('2026-12-02T02:11:00Z', 'America/Denver', '2026-12-01')).toBe('7:11 PM');
    expect(whenOnBusinessClock('2026-12-02T02:11:00Z', 'America/Denver', '2026-12-02')).toBe('Dec 1, 7:11 PM');
  });
});
