import { describe, expect, it } from 'vitest';
import { EMPTY_TENANT_FORM, normalizePhone, tenantFormValues, toCreateTenantInput, toUpdateTenantInput, validateTenantForm } from './tenant-form.ts';

describe('New tenant form checks', () => {
  it('requires a business name and nothing else', () => {
    expect(validateTenantForm(EMPTY_TENANT_FORM)).toEqual({ businessName: 'Business name is required.' });
    expect(validateTenantForm({ ...EMPTY_TENANT_FORM, businessName: '   ' }).businessName).toMatch(/required/);
    expect(validateTenantForm({ ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' })).toEqual({});
  });

  it('accepts 3–40 lowercase letters, digits and hyphens as an id', () => {
    const form = { ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' };
    for (const id of ['abc', 'sunny-lawns', 'a1-b2', 'x'.repeat(40)]) expect(validateTenantForm({ ...form, id }).id).toBeUndefined();
    for (const id of ['ab', 'Sunny', 'sunny lawns', 'sunny_lawns', 'x'.repeat(41), '-abc', 'abc-']) expect(validateTenantForm({ ...form, id }).id).toBeDefined();
  });

  it('wants E.164 phone numbers but forgives spaces, dashes and brackets', () => {
    const form = { ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' };
    expect(normalizePhone('+1 (918) 555-0123')).toBe('+19185550123');
    expect(validateTenantForm({ ...form, phoneNumber: '+1 (918) 555-0123' }).phoneNumber).toBeUndefined();
    expect(validateTenantForm({ ...form, phoneNumber: '9185550123' }).phoneNumber).toMatch(/country code/);
    expect(validateTenantForm({ ...form, phoneNumber: '+12' }).phoneNumber).toMatch(/too short or too long/);
  });

  it('sends a trimmed body without empty optional fields', () => {
    expect(toCreateTenantInput({ ...EMPTY_TENANT_FORM, businessName: '  Sunny Lawns ', tier: 'pro' })).toEqual({ businessName: 'Sunny Lawns', tier: 'pro' });
    expect(
      toCreateTenantInput({ businessName: 'Sunny', tier: 'elite', id: ' sunny ', phoneNumber: '+1 918 555 0123', industry: 'lawn-care' }),
    ).toEqual({ businessName: 'Sunny', tier: 'elite', id: 'sunny', phoneNumber: '+19185550123', industry: 'lawn-care' });
  });
});

describe('Edit tenant form', () => {
  const tenant = {
    id: 'sunny-lawns', slug: 'sunny-lawns', businessName: 'Sunny Lawns', industry: 'lawn-care', tier: 'pro' as const, status: 'active' as const,
    primaryColor: '#16a34a', logoUrl: null, phoneNumber: '+19185550123', ivrMode: 'ivr' as const, isRoot: false,
    createdAt: '2025-01-01T00:00:00.000Z', closedAt: null, purgedAt: null, temporalUiUrl: null,
    billing: { trialEndsAt: null, currentPeriodEnd: null, hasPaymentMethod: false }, temporalLinks: null,
  };

  it('sends only what changed, and null for a cleared optional field', () => {
    const values = tenantFormValues(tenant);
    expect(toUpdateTenantInput(values, tenant)).toEqual({});
    expect(toUpdateTenantInput({ ...values, tier: 'elite', phoneNumber: '', industry: '' }, tenant)).toEqual({ tier: 'elite', phoneNumber: null, industry: null });
    expect(toUpdateTenantInput({ ...values, businessName: ' Sunny Lawns & Gardens ', phoneNumber: '+1 918 555 0199' }, tenant)).toEqual({
      businessName: 'Sunny Lawns & Gardens',
      phoneNumber: '+19185550199',
    });
  });
});
