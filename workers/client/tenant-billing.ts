import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { NOT_PROVISIONED_STATUSES, type TenantStatus, type TenantTier } from '../../domain/tenancy.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { TenantIdKey, TenantStatusKey, TenantTierKey } from '../../workflows/search-attributes.ts';
import type { Config } from '../../domain/config.ts';
import type { BillingEvent } from '../../domain/billing.ts';
import type { tenantBilling } from '../../workflows/billing.ts';
import { billingStateQuery, changePlanUpdate, paymentLinkUpdate, stripeEventSignal, tenantClosedSignal, tenantReopenedSignal, tierChangedSignal, type BillingDurations, type PlanChangeResult, type TenantBillingState } from '../../workflows/billing.messages.ts';

const DAY_MS = 86_400_000;

/**
 * The billing timers from configuration: a trial of BILLING_TRIAL_DAYS (reminder 3 days before its
 * end), a grace of BILLING_GRACE_DAYS, a retention window of BILLING_RETENTION_DAYS.
 */
export function billingDurations(config: Pick<Config, 'BILLING_TRIAL_DAYS' | 'BILLING_GRACE_DAYS' | 'BILLING_RETENTION_DAYS'>): BillingDurations {
  const trialMs = config.BILLING_TRIAL_DAYS * DAY_MS;
  return {
    trialDays: config.BILLING_TRIAL_DAYS,
    trialMs,
    reminderBeforeMs: Math.min(3 * DAY_MS, trialMs),
    graceMs: config.BILLING_GRACE_DAYS * DAY_MS,
    retentionMs: config.BILLING_RETENTION_DAYS * DAY_MS,
  };
}

/**
 * Starts the tenant's `billing:<id>` workflow; a second call for a running one is a no-op. With
 * `durations` the workflow runs the Stripe life (customer, trial, dunning); without, tier and status only.
 */
export async function startTenantBilling(client: Client, taskQueue: string, tenant: { id: string; tier: TenantTier; status: TenantStatus }, durations?: BillingDurations) {
  await client.workflow.start<typeof tenantBilling>('tenantBilling', {
    workflowId: workflowIds.billing(tenant.id),
    taskQueue,
    args: [{ tenantId: tenant.id, tier: tenant.tier, status: tenant.status, ...(durations ? { stripe: { durations } } : {}) }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [
      { key: TenantIdKey, value: tenant.id },
      { key: TenantTierKey, value: tenant.tier },
      { key: TenantStatusKey, value: tenant.status },
    ],
  });
}

export const signalTierChanged = (client: Client, tenantId: string, tier: TenantTier) =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).signal(tierChangedSignal, tier);

export const signalTenantClosed = (client: Client, tenantId: string) =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).signal(tenantClosedSignal);

export const signalTenantReopened = (client: Client, tenantId: string) =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).signal(tenantReopenedSignal);

/** Hands a Stripe webhook event to the tenant's billing workflow (which applies each event id once). */
export const signalStripeEvent = (client: Client, tenantId: string, event: Extract<BillingEvent, { eventId: string }>) =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).signal(stripeEventSignal, event);

/** The owner's plan change (an Update: the answer says when it takes effect). Needs a worker: wrap it in a deadline. */
export const requestPlanChange = (client: Client, tenantId: string, tier: TenantTier): Promise<PlanChangeResult> =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).executeUpdate(changePlanUpdate, { args: [tier] });

/** A Stripe Checkout (add a card) or Customer Portal link that returns the owner to `returnPath`. */
export const requestPaymentLink = (client: Client, tenantId: string, kind: 'checkout' | 'portal', returnPath: string): Promise<{ url: string }> =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).executeUpdate(paymentLinkUpdate, { args: [{ kind, returnPath }] });

export const queryBillingState = (client: Client, tenantId: string): Promise<TenantBillingState> =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).query(billingStateQuery);

/**
 * Makes Temporal agree with the registry: every tenant has its billing workflow, with the tier and
 * closing the database records. It reads the workflow's search attributes (kept current by the
 * workflow), so it needs no worker; one tenant that cannot be checked in time is logged and skipped.
 */
export async function reconcileBillingWorkflows(db: PrismaClient, client: Client, taskQueue: string, options: { perTenantMs?: number; onError?: (tenantId: string, error: unknown) => void; durations?: BillingDurations } = {}) {
  // A purged tenant's billing life has ended: nothing to start again. One not provisioned (still in the
  // wizard, rolled back, abandoned) has none yet: its onboarding workflow starts it when it is provisioned.
  const tenants = await db.tenantConfig.findMany({ where: { tenant: { purgedAt: null }, status: { notIn: [...NOT_PROVISIONED_STATUSES] } }, select: { tenantId: true, tier: true, status: true } });
  let corrected = 0;
  let failed = 0;
  for (const { tenantId, tier, status } of tenants) {
    try {
      await client.connection.withDeadline(Date.now() + (options.perTenantMs ?? 5_000), async () => {
        await startTenantBilling(client, taskQueue, { id: tenantId, tier, status }, options.durations);
        const { typedSearchAttributes } = await client.workflow.getHandle(workflowIds.billing(tenantId)).describe();
        const tierChanged = typedSearchAttributes.get(TenantTierKey) !== tier;
        const closing = status === 'closed' && typedSearchAttributes.get(TenantStatusKey) !== 'closed';
        const reopening = status !== 'closed' && typedSearchAttributes.get(TenantStatusKey) === 'closed';
        if (tierChanged) await signalTierChanged(client, tenantId, tier);
        if (closing) await signalTenantClosed(client, tenantId);
        if (reopening) await signalTenantReopened(client, tenantId);
        if (tierChanged || closing || reopening) corrected += 1;
      });
    } catch (error) {
      failed += 1;
      options.onError?.(tenantId, error);
    }
  }
  return { checked: tenants.length, corrected, failed };
}
