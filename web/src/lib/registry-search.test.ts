import { describe, expect, it } from 'vitest';
import { isFiltered, parseAuditSearch, parseRegistrySearch, sortChoiceOf } from './registry-search.ts';

describe('registry search params', () => {
  it('keeps every valid param of a shared link, as the router parses them (numbers and booleans) or as text', () => {
    expect(parseRegistrySearch({ q: 'sunny', tier: 'pro', trialEndingDays: 7, pastDue: true, sort: 'name', dir: 'desc', offset: 24 })).toEqual({ q: 'sunny', tier: 'pro', trialEndingDays: 7, pastDue: true, sort: 'name', dir: 'desc', offset: 24 });
    expect(parseRegistrySearch({ includeClosed: 'true', trialEndingDays: '14' })).toEqual({ includeClosed: true, trialEndingDays: 14 });
  });

  it('drops a bad param without losing the others', () => {
    expect(parseRegistrySearch({ q: 'lawn', tier: 'platinum', status: 'active', offset: -5, sort: 'price', utm_source: 'mail' })).toEqual({ q: 'lawn', status: 'active' });
    expect(parseAuditSearch({ tenantId: 'sunny-lawns', action: 'DROP TABLE', cursor: '9' })).toEqual({ tenantId: 'sunny-lawns' });
  });

  it('names the sort choice and whether anything filters', () => {
    expect(sortChoiceOf({})).toBe('created-desc');
    expect(sortChoiceOf({ sort: 'name' })).toBe('name-asc');
    expect(isFiltered({ sort: 'name', offset: 24 })).toBe(false);
    expect(isFiltered({ tier: 'pro' })).toBe(true);
  });
});
