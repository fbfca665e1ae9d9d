// Shapes of the ServicePro HTTP API as the web app uses them.

export type Role = 'owner' | 'staff';

export interface Membership {
  tenantId: string;
  role: Role;
  businessName: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  isPlatformOwner: boolean;
  memberships: Membership[];
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

// The server's own lists (domain/tenancy.ts), not copies.
import { TENANT_STATUSES, TENANT_TIERS, type IvrMode, type TenantStatus, type TenantTier as Tier } from '../../../domain/tenancy.ts';

export { TENANT_STATUSES, TENANT_TIERS as TIERS, type IvrMode, type TenantStatus, type Tier };

export interface Tenant {
  id: string;
  slug: string;
  businessName: string;
  industry: string | null;
  tier: Tier;
  status: TenantStatus;
  primaryColor: string;
  logoUrl: string | null;
  phoneNumber: string | null;
  ivrMode: IvrMode | null;
  isRoot: boolean;
  createdAt: string;
  closedAt: string | null;
  /** When the business's data was deleted after the retention window (its final export is kept). */
  purgedAt: string | null;
  temporalUiUrl: string | null;
  /** What Stripe last told ServicePro about this business. */
  billing: { trialEndsAt: string | null; currentPeriodEnd: string | null; hasPaymentMethod: boolean };
  /** Links into the Temporal UI; null when it is not configured. */
  temporalLinks: { billingWorkflow: string; allWorkflows: string } | null;
}

export interface CreateTenantInput {
  id?: string;
  businessName: string;
  tier: Tier;
  phoneNumber?: string;
  industry?: string;
}

/** PATCH body: only the fields that change; null clears an optional field. */
export interface UpdateTenantInput {
  businessName?: string;
  tier?: Tier;
  phoneNumber?: string | null;
  industry?: string | null;
}

/** Every API error body: `{ error: { code, message, fields? } }`. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
  };
}
