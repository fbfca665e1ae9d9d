import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { VoicemailRef } from '../activities/contracts.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { TenantIdKey } from './search-attributes.ts';

// How a stored voicemail's audio workflow (workflows/voicemail-audio.ts) is started, the same way
// from storeVoicemail and from the drain that delivers what the API kept in Postgres.

/**
 * Starts `voicemail-audio:<tenantId>:<voicemailId>`; a second start (a retried activity, a
 * redelivered event) finds it and is a no-op, even after the first run ended (a first play may
 * start another run, on purpose: workers/client/voicemail-audio.ts).
 */
export async function startVoicemailAudioWorkflow(client: Client, taskQueue: string, voicemail: VoicemailRef): Promise<void> {
  try {
    await client.workflow.start('voicemailAudioWorkflow', {
      workflowId: workflowIds.voicemailAudio(voicemail.tenantId, voicemail.voicemailId),
      taskQueue,
      args: [voicemail],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [{ key: TenantIdKey, value: voicemail.tenantId }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
