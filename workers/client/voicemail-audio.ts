import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { VoicemailRef } from '../../activities/contracts.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { VoicemailAudioOutcome, voicemailAudioWorkflow } from '../../workflows/voicemail-audio.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';

/**
 * The voicemail's audio workflow — the running one (storeVoicemail started it), or a new run for a
 * voicemail that predates it or whose last run gave up — and its outcome once it ends.
 */
export async function keepVoicemailAudioNow(client: Client, taskQueue: string, voicemail: VoicemailRef): Promise<VoicemailAudioOutcome> {
  const handle = await client.workflow.start<typeof voicemailAudioWorkflow>('voicemailAudioWorkflow', {
    workflowId: workflowIds.voicemailAudio(voicemail.tenantId, voicemail.voicemailId),
    taskQueue,
    args: [voicemail],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [{ key: TenantIdKey, value: voicemail.tenantId }],
  });
  return handle.result();
}
