import { describe, expect, it } from 'vitest';
import { auditChanges, describeAction } from './audit-entries.ts';

describe('audit entries as people read them', () => {
  it('names known actions in words, and makes unknown ones readable', () => {
    expect(describeAction('tenant.closed')).toBe('Closed the business');
    expect(describeAction('member.invite_revoked')).toBe('Member invite revoked');
  });

  it('lists only what changed, with labels and plan/status names, leaving out links and ids', () => {
    const before = { id: 'sunny', tier: 'starter', status: 'trialing', businessName: 'Sunny', temporalUiUrl: 'http://a', closedAt: null, jokesEnabled: false };
    const after = { id: 'sunny', tier: 'pro', status: 'past_due', businessName: 'Sunny', temporalUiUrl: 'http://b', closedAt: '2026-12-02T10:00:00.000Z', jokesEnabled: true };
    expect(auditChanges(before, after)).toEqual([
      { field: 'tier', label: 'Plan', before: 'Starter', after: 'Pro' },
      { field: 'status', label: 'Status', before: 'Trialing', after: 'Past due' },
      { field: 'closedAt', label: 'Closed at', before: null, after: '2026-12-02T10:00:00.000Z' },
      { field: 'jokesEnabled', label: 'Jokes enabled', before: 'Off', after: 'On' },
    ]);
  });

  it('a created thing shows every field it has; small objects and lists read as text; odd snapshots are safe', () => {
    expect(auditChanges(null, { businessName: 'New', logoUrl: null })).toEqual([{ field: 'businessName', label: 'Business name', before: null, after: 'New' }]);
    expect(auditChanges(undefined, { deleted: { customers: 3, calls: 12 }, allowedCountries: ['US', 'CA'] })).toEqual([
      { field: 'deleted', label: 'Deleted', before: null, after: 'customers: 3, calls: 12' },
      { field: 'allowedCountries', label: 'Allowed countries', before: null, after: 'US, CA' },
    ]);
    expect(auditChanges('nonsense', [1, 2])).toEqual([]);
  });
});
