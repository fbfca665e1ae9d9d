import { describe, expect, it } from 'vitest';
import type { Billing } from '../api/types.ts';
import { billingStatusMessage, featuresLost, formatBytes, formatMoney, planMove, progressLine, progressPercent, trialHeadline, usagePriceLines } from './billing-format.ts';

const billing = (overrides: Partial<Billing>): Billing => ({
  tier: 'pro', status: 'active', billed: true, trialEndsAt: null, trialDaysLeft: null, hasPaymentMethod: false, currentPeriodEnd: null,
  scheduledChange: null, graceEndsAt: null, retentionEndsAt: null, live: true, invoices: [], plans: [], everyPlan: [], usagePrices: { smsSegmentCents: 2, callMinuteCents: 3 }, ...overrides,
});

describe('billing page words', () => {
  it('counts the trial down in days, and says when it is the last one', () => {
    expect(trialHeadline(12)).toBe('12 days left in your free trial');
    expect(trialHeadline(1)).toBe('1 day left in your free trial');
    expect(trialHeadline(0)).toBe('Your free trial ends today');
  });

  it('explains each status in the owner’s terms', () => {
    expect(billingStatusMessage(billing({ status: 'trialing', trialDaysLeft: 12, trialEndsAt: '2030-01-15T12:00:00Z' })).headline).toBe('12 days left in your free trial');
    expect(billingStatusMessage(billing({ status: 'past_due' })).headline).toBe('Your last payment failed — update your card to keep your phone line running');
    const paused = billingStatusMessage(billing({ status: 'suspended' }));
    expect(paused.detail).toContain('callers hear a paused message');
    expect(paused.detail).toContain('you can still export everything');
    expect(paused.tone).toBe('danger');
    expect(billingStatusMessage(billing({ billed: false })).headline).toBe('Not billed');
  });

  it('knows upgrades from downgrades and what a downgrade takes away', () => {
    expect(planMove('pro', 'elite')).toBe('upgrade');
    expect(planMove('pro', 'starter')).toBe('downgrade');
    expect(planMove('pro', 'pro')).toBe('current');
    expect(featuresLost(['Campaigns', 'The phone menu (IVR)'], ['The phone menu (IVR)'])).toEqual(['Campaigns']);
  });

  it('promises only what exists: no website, no campaigns in the status words', () => {
    for (const status of ['trialing', 'active', 'past_due', 'suspended', 'closed'] as const) {
      const { headline, detail } = billingStatusMessage(billing({ status, trialDaysLeft: 3 }));
      expect(`${headline} ${detail}`).not.toMatch(/website|campaign/i);
    }
  });

  it('shows the usage prices on top of the plan, per text segment and per call minute', () => {
    expect(usagePriceLines({ smsSegmentCents: 2, callMinuteCents: 3 })).toEqual(['$0.02 per text segment', '$0.03 per call minute']);
    expect(usagePriceLines({ smsSegmentCents: 0, callMinuteCents: 150 })).toEqual(['Texts included', '$1.50 per call minute']);
  });

  it('formats prices and file sizes the way people write them', () => {
    expect(formatMoney(4_900)).toBe('$49');
    expect(formatMoney(4_950)).toBe('$49.50');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1_536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
  });

  it('describes a running export and keeps its bar between 0 and 100', () => {
    expect(progressLine({ progress: null })).toBe('Counting your records…');
    expect(progressLine({ progress: { status: 'counting', entity: null, rowsDone: 0, rowsTotal: null, percent: 0 } })).toBe('Counting your records…');
    expect(progressLine({ progress: { status: 'writing', entity: 'customers', rowsDone: 1_200, rowsTotal: 5_000, percent: 24 } })).toBe('Writing customers… 1,200 of 5,000 rows');
    expect(progressPercent({ status: 'running', progress: { status: 'writing', entity: null, rowsDone: 0, rowsTotal: 1, percent: 140 } })).toBe(100);
    expect(progressPercent({ status: 'ready', progress: null })).toBe(100);
    expect(progressPercent({ status: 'running', progress: null })).toBe(0);
  });
});
