import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { TenantStatus, TenantTier } from '../domain/tenancy.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { TenantIdKey, TenantStatusKey, TenantTierKey } from '../workflows/search-attributes.ts';
import { billingStateQuery, tenantBilling, tenantClosedSignal, tierChangedSignal, type TenantBillingState } from '../workflows/billing.ts';

/** Starts the tenant's `billing:<id>` workflow; a second call for a running one is a no-op. */
export async function startTenantBilling(client: Client, taskQueue: string, tenant: { id: string; tier: TenantTier; status: TenantStatus }) {
  await client.workflow.start(tenantBilling, {
    workflowId: workflowIds.billing(tenant.id),
    taskQueue,
    args: [{ tenantId: tenant.id, tier: tenant.tier, status: tenant.status }],
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

export const queryBillingState = (client: Client, tenantId: string): Promise<TenantBillingState> =>
  client.workflow.getHandle(workflowIds.billing(tenantId)).query(billingStateQuery);

/**
 * Makes Temporal agree with the registry: every tenant has its billing workflow, with the tier and
 * closing the database records. It reads the workflow's search attributes (kept current by the
 * workflow), so it needs no worker; one tenant that cannot be checked in time is logged and skipped.
 */
export async function reconcileBillingWorkflows(db: PrismaClient, client: Client, taskQueue: string, options: { perTenantMs?: number; onError?: (tenantId: string, error: unknown) => void } = {}) {
  const tenants = await db.tenantConfig.findMany({ select: { tenantId: true, tier: true, status: true } });
  let corrected = 0;
  let failed = 0;
  for (const { tenantId, tier, status } of tenants) {
    try {
      await client.connection.withDeadline(Date.now() + (options.perTenantMs ?? 5_000), async () => {
        await startTenantBilling(client, taskQueue, { id: tenantId, tier, status });
        const { typedSearchAttributes } = await client.workflow.getHandle(workflowIds.billing(tenantId)).describe();
        const tierChanged = typedSearchAttributes.get(TenantTierKey) !== tier;
        const closing = status === 'closed' && typedSearchAttributes.get(TenantStatusKey) !== 'closed';
        if (tierChanged) await signalTierChanged(client, tenantId, tier);
        if (closing) await signalTenantClosed(client, tenantId);
        if (tierChanged || closing) corrected += 1;
      });
    } catch (error) {
      failed += 1;
      options.onError?.(tenantId, error);
    }
  }
  return { checked: tenants.length, corrected, failed };
}
