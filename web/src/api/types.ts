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

export const TIERS = ['starter', 'pro', 'elite'] as const;
export type Tier = (typeof TIERS)[number];

export const TENANT_STATUSES = ['trialing', 'active', 'past_due', 'suspended', 'closed'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export type IvrMode = 'simple' | 'ivr' | 'ai-voice';

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
