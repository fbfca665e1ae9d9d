// The tenant billing API (/api/tenants/:tenantId/billing) as the billing page uses it.
import { apiRequest } from './client.ts';
import type { TenantStatus, Tier } from './types.ts';

export interface BillingInvoice {
  id: string;
  number: string | null;
  /** draft, open, paid, void, uncollectible (Stripe's words). */
  status: string;
  amountDueCents: number;
  amountPaidCents: number;
  currency: string;
  hostedInvoiceUrl: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  issuedAt: string;
}

export interface BillingPlan {
  tier: Tier;
  name: string;
  priceCents: number;
  /** What the plan adds today, beyond `everyPlan`. */
  features: string[];
  /** Sold with the plan but not built yet: shown as "coming soon". */
  comingSoon: string[];
  current: boolean;
}

/** Usage billed on top of the plan, in cents. */
export interface UsagePrices {
  smsSegmentCents: number;
  callMinuteCents: number;
}

export interface Billing {
  tier: Tier;
  status: TenantStatus;
  /** False for the root business: it has a plan but is never billed. */
  billed: boolean;
  trialEndsAt: string | null;
  trialDaysLeft: number | null;
  hasPaymentMethod: boolean;
  currentPeriodEnd: string | null;
  scheduledChange: { tier: Tier; at: string | null } | null;
  graceEndsAt: string | null;
  retentionEndsAt: string | null;
  /** False when the billing timers could not be read just now. */
  live: boolean;
  invoices: BillingInvoice[];
  plans: BillingPlan[];
  /** What every plan includes today. */
  everyPlan: string[];
  usagePrices: UsagePrices;
}

export interface PlanChange {
  timing: 'now' | 'period_end' | 'none';
  tier: Tier;
  effectiveAt: string | null;
}

const base = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/billing`;

export async function fetchBilling(tenantId: string, signal?: AbortSignal): Promise<Billing> {
  return (await apiRequest<{ billing: Billing }>(base(tenantId), { signal })).billing;
}

export async function changePlan(tenantId: string, tier: Tier): Promise<PlanChange> {
  return (await apiRequest<{ change: PlanChange }>(`${base(tenantId)}/plan`, { method: 'POST', body: { tier } })).change;
}

export async function paymentLink(tenantId: string, kind: 'checkout' | 'portal'): Promise<string> {
  return (await apiRequest<{ url: string }>(`${base(tenantId)}/payment-link`, { method: 'POST', body: { kind } })).url;
}
