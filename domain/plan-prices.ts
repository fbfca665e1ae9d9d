import type { Config } from './config.ts';
import { TENANT_TIERS, type TenantTier } from './tenancy.ts';

// What each plan costs a month (BILLING_PRICE_<TIER>_CENTS), and the monthly recurring revenue
// the registry's summary shows from it.

export type PlanPrices = Record<TenantTier, number>;

export function planPricesCents(config: Pick<Config, 'BILLING_PRICE_STARTER_CENTS' | 'BILLING_PRICE_PRO_CENTS' | 'BILLING_PRICE_ELITE_CENTS'>): PlanPrices {
  return { starter: config.BILLING_PRICE_STARTER_CENTS, pro: config.BILLING_PRICE_PRO_CENTS, elite: config.BILLING_PRICE_ELITE_CENTS };
}

/**
 * MRR: each paying tenant's plan price. Paying means active (a trial has paid nothing yet; past
 * due has an unpaid invoice, counted apart); root runs the platform and is never billed, so the
 * caller leaves it out.
 */
export function monthlyRecurringCents(payingByTier: Partial<Record<TenantTier, number>>, prices: PlanPrices): number {
  return TENANT_TIERS.reduce((sum, tier) => sum + (payingByTier[tier] ?? 0) * prices[tier], 0);
}
