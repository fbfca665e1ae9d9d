// Client-side checks for the "New tenant" form. Pure functions, so they are easy to test.
import { TIERS, type CreateTenantInput, type Tier } from '../api/types.ts';

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

export const TENANT_ID_PATTERN = /^[a-z0-9-]{3,40}$/;
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
    errors.id = 'Use 3–40 lowercase letters, numbers or hyphens (for example: sunny-lawns).';
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
