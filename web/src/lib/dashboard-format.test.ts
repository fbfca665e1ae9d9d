import { describe, expect, it } from 'vitest';
import { accountLine, callsLine, todayHeading } from './dashboard-format.ts';

const account = { status: 'trialing', tier: 'pro', billed: true, trialEndsAt: null, trialDaysLeft: 12, hasPaymentMethod: false, closedAt: null } as const;

describe('dashboard words', () => {
  it("today's calls in one line", () => {
    expect(callsLine({ total: 0, answered: 0, missed: 0, voicemail: 0, latest: [] })).toBe('No calls yet today.');
    expect(callsLine({ total: 5, answered: 3, missed: 2, voicemail: 1, latest: [] })).toBe('3 answered · 2 missed (1 left a voicemail)');
    expect(callsLine({ total: 2, answered: 2, missed: 0, voicemail: 0, latest: [] })).toBe('2 answered · 0 missed');
  });

  it("names the business's own date, whatever the browser's zone", () => {
    expect(todayHeading('2026-12-02')).toBe('Wednesday, December 2');
  });

  it('the plan tile: trial days, a warning when it is close and no card, trouble in its own words', () => {
    expect(accountLine(account)).toEqual({ headline: '12 days left in your free trial', detail: 'Pro plan · add a card to keep your line', tone: 'info' });
    expect(accountLine({ ...account, trialDaysLeft: 2 }).tone).toBe('warning');
    expect(accountLine({ ...account, status: 'past_due' }).headline).toBe('Payment failed');
    expect(accountLine({ ...account, status: 'suspended' }).tone).toBe('danger');
    expect(accountLine({ ...account, billed: false }).detail).toMatch(/Never billed/);
  });
});
