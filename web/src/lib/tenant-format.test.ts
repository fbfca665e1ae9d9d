import { describe, expect, it } from 'vitest';
import { messageStatusLabel } from './tenant-format.ts';

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
