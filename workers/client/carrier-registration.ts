import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { PollingDurations } from '../../domain/carrier-registration/index.ts';
import type { Config } from '../../domain/config.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { carrierRegistration } from '../../workflows/carrier-registration.ts';
import { registrationProgressQuery, registrationStatusChangedSignal, resubmitCampaignUpdate, type RegistrationProgress, type ResubmitRequest } from '../../workflows/carrier-registration.messages.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';

// Starting and talking to `carrier-registration:<tenantId>` (workflows/carrier-registration.ts), for
// the API (the dashboard's button, Twilio's callbacks, the owner's fix) and for onboarding, whose
// provisioning starts the same workflow as its child with the same id.

export const registrationPolling = (config: Pick<Config, 'CARRIER_REGISTRATION_POLL_FIRST_MS' | 'CARRIER_REGISTRATION_POLL_MAX_MS'>): PollingDurations => ({
  firstMs: config.CARRIER_REGISTRATION_POLL_FIRST_MS,
  maxMs: config.CARRIER_REGISTRATION_POLL_MAX_MS,
});

/** Starts the business's registration; one already running is left as it is. */
export async function startCarrierRegistration(client: Client, taskQueue: string, tenantId: string, polling?: PollingDurations) {
  return client.workflow.start<typeof carrierRegistration>('carrierRegistration', {
    workflowId: workflowIds.carrierRegistration(tenantId),
    taskQueue,
    args: [{ tenantId, ...(polling ? { polling } : {}) }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
  });
}

const handle = (client: Client, tenantId: string) => client.workflow.getHandle<typeof carrierRegistration>(workflowIds.carrierRegistration(tenantId));

export const registrationProgress = (client: Client, tenantId: string): Promise<RegistrationProgress> => handle(client, tenantId).query(registrationProgressQuery);

/** Twilio called back about one of the business's bundles: the workflow checks now. */
export const signalRegistrationStatus = (client: Client, tenantId: string, change: { sid: string; status: string }) => handle(client, tenantId).signal(registrationStatusChangedSignal, change);

/** The owner's fix; rejected by the workflow's validator when the rewrite fails the lint or nothing was refused. */
export const resubmitRegistration = (client: Client, tenantId: string, request: ResubmitRequest): Promise<RegistrationProgress> => handle(client, tenantId).executeUpdate(resubmitCampaignUpdate, { args: [request] });
