// The New/Edit tenant form's values and the request bodies made from them. Validation is the
// API's own (domain/inputs/tenant.ts `tenantForm`); this only turns checked values into bodies.
import type { TenantFormOutput } from '../../../../domain/inputs/tenant.ts';
import type { CreateTenantInput, Tenant, Tier, UpdateTenantInput } from '../../api/types.ts';

/** What the fields hold as typed: text, '' for an optional field left empty. */
export interface TenantFormValues {
  businessName: string;
  tier: Tier;
  id: string;
  phoneNumber: string;
  industry: string;
  /** New tenants only: who is invited as the owner. */
  ownerEmail: string;
}

export const TENANT_FORM_FIELDS = ['businessName', 'tier', 'id', 'phoneNumber', 'industry', 'ownerEmail'] as const;

export const EMPTY_TENANT_FORM: TenantFormValues = { businessName: '', tier: 'starter', id: '', phoneNumber: '', industry: '', ownerEmail: '' };

/** The form filled in with a tenant's current details, for editing. */
export function tenantFormValues(tenant: Tenant): TenantFormValues {
  return { businessName: tenant.businessName, tier: tenant.tier, id: tenant.id, phoneNumber: tenant.phoneNumber ?? '', industry: tenant.industry ?? '', ownerEmail: '' };
}

/** The POST body: the checked values, with the optional fields left empty left out. */
export function toCreateTenantInput(values: TenantFormOutput): CreateTenantInput {
  const { id, phoneNumber, industry, businessName, tier, ownerEmail } = values;
  return { businessName, tier, ...(id ? { id } : {}), ...(phoneNumber ? { phoneNumber } : {}), ...(industry ? { industry } : {}), ...(ownerEmail ? { ownerEmail } : {}) };
}

/** The PATCH body: only what changed; clearing an optional field sends null. */
export function toUpdateTenantInput(values: TenantFormOutput, tenant: Tenant): UpdateTenantInput {
  const changes: UpdateTenantInput = {};
  if (values.businessName !== tenant.businessName) changes.businessName = values.businessName;
  if (values.tier !== tenant.tier) changes.tier = values.tier;
  if ((values.phoneNumber ?? null) !== tenant.phoneNumber) changes.phoneNumber = values.phoneNumber ?? null;
  if ((values.industry ?? null) !== tenant.industry) changes.industry = values.industry ?? null;
  return changes;
}
