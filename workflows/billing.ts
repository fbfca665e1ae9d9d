import * as wf from '@temporalio/workflow';
import type { TenantStatus, TenantTier } from '../domain/tenancy.ts';
import { TenantStatusKey, TenantTierKey } from './search-attributes.ts';

// The long-lived billing life of one tenant (`billing:<tenantId>`). For now it holds the tenant's
// tier and status and answers for them; the billing issue adds trials, Stripe and dunning.

export interface TenantBillingInput {
  tenantId: string;
  tier: TenantTier;
  status: TenantStatus;
}

export interface TenantBillingState extends TenantBillingInput {
  /** How many tier changes and closings the tenant has had, carried across continue-as-new. */
  changes: number;
}

export const billingStateQuery = wf.defineQuery<TenantBillingState>('billingState');
export const tierChangedSignal = wf.defineSignal<[TenantTier]>('tierChanged');
export const tenantClosedSignal = wf.defineSignal('tenantClosed');

export async function tenantBilling(input: TenantBillingInput & { changes?: number }): Promise<void> {
  const state: TenantBillingState = { tenantId: input.tenantId, tier: input.tier, status: input.status, changes: input.changes ?? 0 };

  const publish = () =>
    wf.upsertSearchAttributes([
      { key: TenantTierKey, value: state.tier },
      { key: TenantStatusKey, value: state.status },
    ]);

  wf.setHandler(billingStateQuery, () => state);
  wf.setHandler(tierChangedSignal, (tier) => {
    state.tier = tier;
    state.changes += 1;
    publish();
  });
  wf.setHandler(tenantClosedSignal, () => {
    state.status = 'closed';
    state.changes += 1;
    publish();
  });

  // An entity that lives for months: hand over to a fresh run before the history grows large.
  await wf.condition(() => wf.workflowInfo().continueAsNewSuggested);
  await wf.condition(wf.allHandlersFinished);
  await wf.continueAsNew<typeof tenantBilling>({ tenantId: state.tenantId, tier: state.tier, status: state.status, changes: state.changes });
}
