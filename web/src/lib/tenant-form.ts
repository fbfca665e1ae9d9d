// Client-side checks for the "New tenant" form. Pure functions, so they are easy to test.
import { TENANT_ID_PATTERN } from '../../../domain/tenancy.ts';
import { TIERS, type CreateTenantInput, type Tenant, type Tier, type UpdateTenantInput } from '../api/types.ts';

export interface TenantFormValues {
  businessName: string;
  tier: Tier;
  id: string;
  phoneNumber: string;
  industry: string;
}

export type TenantFormField = keyof TenantFormValues;
export type TenantFormErrors = Partial<Record<TenantFormField, string>>;

export const TENANT_FORM_FIELDS: readonly TenantFormField[] = ['businessName', 'tier', 'id', 'phoneNumber', 'industry'];

export const EMPTY_TENANT_FORM: TenantFormValues = {
  businessName: '',
  tier: 'starter',
  id: '',
  phoneNumber: '',
  industry: '',
};

// The same rule the API applies (3–40 chars, starting and ending with a letter or digit).
export { TENANT_ID_PATTERN };
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

/** Drops the spaces, dashes, dots and brackets people type in phone numbers. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s().-]/g, '');
}

export function validateTenantForm(values: TenantFormValues): TenantFormErrors {
  const errors: TenantFormErrors = {};
  const name = values.businessName.trim();
  if (!name) errors.businessName = 'Business name is required.';
  else if (name.length > 120) errors.businessName = 'Keep the business name under 120 characters.';

  if (!TIERS.includes(values.tier)) errors.tier = 'Choose a plan: Starter, Pro or Elite.';

  const id = values.id.trim();
  if (id && !TENANT_ID_PATTERN.test(id)) {
    errors.id = 'Use 3–40 lowercase letters, numbers or hyphens, starting and ending with a letter or number (for example: sunny-lawns).';
  }

  const phone = normalizePhone(values.phoneNumber.trim());
  if (phone && !E164_PATTERN.test(phone)) {
    errors.phoneNumber = phone.startsWith('+')
      ? 'That number looks too short or too long. Use the format +19185550123.'
      : 'Start with + and the country code, like +19185550123.';
  }
  return errors;
}

/** The request body: trimmed, with empty optional fields left out. */
export function toCreateTenantInput(values: TenantFormValues): CreateTenantInput {
  const input: CreateTenantInput = { businessName: values.businessName.trim(), tier: values.tier };
  const id = values.id.trim();
  if (id) input.id = id;
  const phone = normalizePhone(values.phoneNumber.trim());
  if (phone) input.phoneNumber = phone;
  if (values.industry) input.industry = values.industry;
  return input;
}

/** The form filled in with a tenant's current details, for editing. */
export function tenantFormValues(tenant: Tenant): TenantFormValues {
  return {
    businessName: tenant.businessName,
    tier: tenant.tier,
    id: tenant.id,
    phoneNumber: tenant.phoneNumber ?? '',
    industry: tenant.industry ?? '',
  };
}

/** The PATCH body: only what changed; clearing an optional field sends null. */
export function toUpdateTenantInput(values: TenantFormValues, tenant: Tenant): UpdateTenantInput {
  const changes: UpdateTenantInput = {};
  const name = values.businessName.trim();
  if (name !== tenant.businessName) changes.businessName = name;
  if (values.tier !== tenant.tier) changes.tier = values.tier;
  const phone = normalizePhone(values.phoneNumber.trim());
  if (phone !== (tenant.phoneNumber ?? '')) changes.phoneNumber = phone || null;
  if (values.industry !== (tenant.industry ?? '')) changes.industry = values.industry || null;
  return changes;
}
