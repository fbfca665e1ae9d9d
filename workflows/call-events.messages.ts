import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { VoicemailRef } from '../activities/contracts.ts';
import type { CallStep } from '../domain/call-steps.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { callEndedSignal, callStepSignal, type CallEnded, type CallInput } from './call.messages.ts';
import { TenantIdKey } from './search-attributes.ts';

// How a call's event reaches `call:<CallSid>`, the same way from the voice webhook and from the
// drain activity that delivers what was kept in Postgres during an outage.

/** A step the caller took, or the hang-up; with what starts the call's workflow if it does not run yet. */
export type CallEventBody = { kind: 'step'; step: CallStep } | { kind: 'ended'; ended: CallEnded };
export interface CallEventToDeliver {
  input: CallInput;
  body: CallEventBody;
}

/**
 * A voicemail the API stored itself (the fallback recording, or a step Temporal missed), kept in
 * the same transaction: its recording has yet to be fetched, so the drain starts its audio workflow.
 */
export interface VoicemailAudioToStart {
  kind: 'voicemail-audio';
  voicemail: VoicemailRef;
}
/** What the API keeps in call_events for the drain to hand to Temporal. */
export type KeptForTemporal = CallEventToDeliver | VoicemailAudioToStart;
export const isVoicemailAudio = (kept: KeptForTemporal): kept is VoicemailAudioToStart => 'kind' in kept && kept.kind === 'voicemail-audio';
export const voicemailAudioKey = (recordingSid: string) => `voicemail-audio:${recordingSid}`;

export const callEventKey = (body: CallEventBody) => (body.kind === 'step' ? body.step.key : 'ended');

/**
 * Signal-with-start: a call whose `incoming` was kept during an outage (or lost) starts here. A
 * call that has already ended is never started again (REJECT_DUPLICATE): 'call-closed'.
 */
export async function deliverCallEvent(client: Client, taskQueue: string, { input, body }: CallEventToDeliver): Promise<'delivered' | 'call-closed'> {
  const start = {
    workflowId: workflowIds.call(input.callSid),
    taskQueue,
    args: [input] as [CallInput],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [{ key: TenantIdKey, value: input.context.tenantId }],
  };
  try {
    if (body.kind === 'step') await client.workflow.signalWithStart('callWorkflow', { ...start, signal: callStepSignal, signalArgs: [body.step] });
    else await client.workflow.signalWithStart('callWorkflow', { ...start, signal: callEndedSignal, signalArgs: [body.ended] });
    return 'delivered';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'call-closed';
    throw error;
  }
}
