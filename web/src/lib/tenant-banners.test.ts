import { describe, expect, it } from 'vitest';
import { accountBanner } from './tenant-banners.ts';

const facts = { status: 'active', closedAt: null, billed: true, trialDaysLeft: null, hasPaymentMethod: true } as const;

describe('accountBanner', () => {
  it('says nothing while all is well', () => {
    expect(accountBanner(facts)).toBeNull();
    expect(accountBanner({ ...facts, status: 'trialing', trialDaysLeft: 10, hasPaymentMethod: false })).toBeNull();
  });

  it('a closed business: when, read-only, and that the data can still be exported', () => {
    const banner = accountBanner({ ...facts, status: 'closed', closedAt: '2026-11-20T15:00:00Z' })!;
    expect(banner.title).toMatch(/^This business was closed on Nov 20, 2026\.$/);
    expect(banner.detail).toContain('read-only');
    expect(banner.links).toEqual([{ label: 'Export your data', section: 'exports' }]);
    expect(banner.billing).toBe(false);
  });

  it('paused: why and what to do, with the way to the data; past due: update the card', () => {
    expect(accountBanner({ ...facts, status: 'suspended' })!.links.map((l) => l.section)).toEqual(['billing', 'exports']);
    expect(accountBanner({ ...facts, status: 'past_due' })).toMatchObject({ title: 'Your last payment failed.', links: [{ label: 'Update your card', section: 'billing' }] });
  });

  it('a trial ending within 3 days without a card; never for root or with a card on file', () => {
    const ending = { ...facts, status: 'trialing', trialDaysLeft: 2, hasPaymentMethod: false } as const;
    expect(accountBanner(ending)!.title).toBe('Your free trial ends in 2 days.');
    expect(accountBanner({ ...ending, trialDaysLeft: 1 })!.title).toBe('Your free trial ends in 1 day.');
    expect(accountBanner({ ...ending, trialDaysLeft: 0 })!.title).toBe('Your free trial ends today.');
    expect(accountBanner({ ...ending, hasPaymentMethod: true })).toBeNull();
    expect(accountBanner({ ...ending, billed: false })).toBeNull();
  });

  it('a business still setting up, rolled back or abandoned: a setup note, nothing about billing', () => {
    for (const status of ['onboarding', 'failed', 'expired'] as const) {
      expect(accountBanner({ ...facts, status, billed: true })).toMatchObject({ kind: 'setup', billing: false, links: [] });
    }
    expect(accountBanner({ ...facts, status: 'failed' })!.detail).toMatch(/Nothing was charged/);
  });
});
