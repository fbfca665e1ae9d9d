import * as wf from '@temporalio/workflow';
import type { KeptMessageActivities, LeftText, LeftVoicemail } from '../activities/contracts.ts';
import { TenantIdKey } from './search-attributes.ts';

// What a caller left while Postgres was down — a fallback voicemail, an inbound text — is handed
// to Temporal by the API (`voicemail:<RecordingSid>`, `inbound-sms:<MessageSid>`; the payload,
// phone numbers included, is encrypted by the codec) and stored here once the database answers.
// Retries are patient: an outage can last hours.

const { keepVoicemail, keepInboundText } = wf.proxyActivities<KeptMessageActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '30 days',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['NoTenantForNumber'] },
});

/** Ops find these by tenant too, once the tenant is known (the API may not have known it). */
const tagTenant = (tenantId: string) => {
  if (!wf.workflowInfo().typedSearchAttributes.get(TenantIdKey)) wf.upsertSearchAttributes([{ key: TenantIdKey, value: tenantId }]);
};

export async function keepVoicemailWorkflow(voicemail: LeftVoicemail): Promise<{ voicemailId: string }> {
  const { tenantId, voicemailId } = await keepVoicemail(voicemail);
  tagTenant(tenantId);
  return { voicemailId };
}

export async function keepInboundTextWorkflow(text: LeftText): Promise<{ messageId: string }> {
  const { tenantId, messageId } = await keepInboundText(text);
  tagTenant(tenantId);
  return { messageId };
}
