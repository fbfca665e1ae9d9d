import { describe, expect, it } from 'vitest';
import { setupSteps } from './setup-steps.ts';
import { trialDaysLeft } from './trial-days.ts';

const fresh = { phoneNumber: '+19185550100', forwardingNumber: null, sipUsername: null, greetingText: null, billed: true, hasPaymentMethod: false };

describe('setupSteps', () => {
  it('lists number, forwarding, greeting and card in order, each with whether it is done', () => {
    expect(setupSteps(fresh)).toEqual([
      { step: 'number', done: true },
      { step: 'forwarding', done: false },
      { step: 'greeting', done: false },
      { step: 'card', done: false },
    ]);
  });

  it('a SIP app counts as somewhere for calls to ring; a blank greeting is not written', () => {
    const steps = setupSteps({ ...fresh, sipUsername: 'owner', greetingText: '   ' });
    expect(steps.find((s) => s.step === 'forwarding')?.done).toBe(true);
    expect(steps.find((s) => s.step === 'greeting')?.done).toBe(false);
  });

  it('a business that is never billed (root) has no card step', () => {
    expect(setupSteps({ ...fresh, billed: false }).map((s) => s.step)).toEqual(['number', 'forwarding', 'greeting']);
  });
});

describe('trialDaysLeft', () => {
  it('counts part of a day as a day, and never goes below 0', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(trialDaysLeft(new Date('2026-12-04T00:00:00Z'), now)).toBe(2);
    expect(trialDaysLeft('2026-12-02T12:00:01Z', now)).toBe(1);
    expect(trialDaysLeft('2026-11-30T00:00:00Z', now)).toBe(0);
  });
});
