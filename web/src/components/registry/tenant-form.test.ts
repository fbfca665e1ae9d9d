import { describe, expect, it } from 'vitest';
import { createTenantInput, tenantForm } from '../../../../domain/inputs/tenant.ts';
import { EMPTY_TENANT_FORM, tenantFormValues, toCreateTenantInput, toUpdateTenantInput, type TenantFormValues } from './tenant-form.ts';

// The form validates with the API's own schema (domain/inputs/tenant.ts): these are its messages.
const errorsOf = (values: TenantFormValues) => {
  const result = tenantForm.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};
const checked = (values: TenantFormValues) => tenantForm.parse(values);

describe('New tenant form checks', () => {
  it('requires a business name and nothing else', () => {
    expect(errorsOf(EMPTY_TENANT_FORM)).toEqual({ businessName: 'Business name is required' });
    expect(errorsOf({ ...EMPTY_TENANT_FORM, businessName: '   ' }).businessName).toMatch(/required/);
    expect(errorsOf({ ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' })).toEqual({});
  });

  it('accepts 3–40 lowercase letters, digits and hyphens as an id (capitals are lowered, as the API does)', () => {
    const form = { ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' };
    for (const id of ['abc', 'sunny-lawns', 'a1-b2', 'x'.repeat(40), 'Sunny']) expect(errorsOf({ ...form, id }).id).toBeUndefined();
    expect(checked({ ...form, id: 'Sunny' }).id).toBe('sunny');
    for (const id of ['ab', 'sunny lawns', 'sunny_lawns', 'x'.repeat(41), '-abc', 'abc-']) expect(errorsOf({ ...form, id }).id).toBeDefined();
  });

  it('takes phone numbers as people write them, national formats included, and sends E.164', () => {
    const form = { ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' };
    expect(checked({ ...form, phoneNumber: '+1 (918) 555-0123' }).phoneNumber).toBe('+19185550123');
    expect(checked({ ...form, phoneNumber: '918 555 0123' }).phoneNumber).toBe('+19185550123');
    expect(checked({ ...form, phoneNumber: '9185550123' }).phoneNumber).toBe('+19185550123');
    expect(errorsOf({ ...form, phoneNumber: '+12' }).phoneNumber).toMatch(/area code, like .*\+19185550123/);
    expect(errorsOf({ ...form, phoneNumber: '555 0123' }).phoneNumber).toMatch(/\+19185550123/);
  });

  it('refuses nothing the API accepts, and accepts nothing it refuses', () => {
    const form = { ...EMPTY_TENANT_FORM, businessName: 'Sunny Lawns' };
    for (const phoneNumber of ['918 555 0123', '(918) 555-0123', '+1 918 555 0123', '+44 20 7946 0958', '555', '+12', 'call me', '+881 6 1234 5678']) {
      const api = createTenantInput.safeParse({ businessName: 'Sunny Lawns', tier: 'starter', phoneNumber }).success;
      expect(tenantForm.safeParse({ ...form, phoneNumber }).success, phoneNumber).toBe(api);
    }
  });

  it('sends a trimmed body without empty optional fields', () => {
    expect(toCreateTenantInput(checked({ ...EMPTY_TENANT_FORM, businessName: '  Sunny Lawns ', tier: 'pro' }))).toEqual({ businessName: 'Sunny Lawns', tier: 'pro' });
    expect(toCreateTenantInput(checked({ businessName: 'Sunny', tier: 'elite', id: ' sunny ', phoneNumber: '+1 918 555 0123', industry: 'lawn-care', ownerEmail: 'Olive@Example.com' }))).toEqual({
      businessName: 'Sunny',
      tier: 'elite',
      id: 'sunny',
      phoneNumber: '+19185550123',
      industry: 'lawn-care',
      ownerEmail: 'olive@example.com',
    });
    expect(errorsOf({ ...EMPTY_TENANT_FORM, businessName: 'Sunny', ownerEmail: 'not an email' }).ownerEmail).toMatch(/email address/);
  });
});

describe('Edit tenant form', () => {
  const tenant = {
    id: 'sunny-lawns', slug: 'sunny-lawns', businessName: 'Sunny Lawns', industry: 'lawn-care', tier: 'pro' as const, status: 'active' as const,
    primaryColor: '#16a34a', logoUrl: null, phoneNumber: '+19185550123', ivrMode: 'ivr' as const, isRoot: false,
    createdAt: '2025-01-01T00:00:00.000Z', closedAt: null, purgedAt: null, temporalUiUrl: null,
    billing: { trialEndsAt: null, currentPeriodEnd: null, hasPaymentMethod: false }, textingRegistration: 'not_started' as const, temporalLinks: null,
  };

  it('sends only what changed, and null for a cleared optional field', () => {
    const values = tenantFormValues(tenant);
    expect(toUpdateTenantInput(checked(values), tenant)).toEqual({});
    expect(toUpdateTenantInput(checked({ ...values, tier: 'elite', phoneNumber: '', industry: '' }), tenant)).toEqual({ tier: 'elite', phoneNumber: null, industry: null });
    expect(toUpdateTenantInput(checked({ ...values, businessName: ' Sunny Lawns & Gardens ', phoneNumber: '+1 918 555 0199' }), tenant)).toEqual({
      businessName: 'Sunny Lawns & Gardens',
      phoneNumber: '+19185550199',
    });
  });
});
