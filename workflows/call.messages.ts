import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CallContext, CallEvent, CallState } from '../domain/ivr.ts';

// The call workflow's messages and shapes (workflows/call.ts handles them): the API's voice routes
// import these without the workflow code.

export interface CallInput {
  callSid: string;
  from: string;
  to: string;
  startedAt: string;
  context: CallContext;
  /** A keyed digest of the caller's number (domain/secrets.ts keyedDigest), for the missed-call text's key; absent in calls started before it. */
  callerKey?: string;
  /** MISSED_CALL_TEXT_EVERY_HOURS when the call came in. */
  missedCallTextEveryHours?: number;
}

export interface CallEnded {
  callStatus: string;
  durationSec: number;
}

export const callStepUpdate = defineUpdate<string, [CallEvent]>('callStep');
export const callEndedSignal = defineSignal<[CallEnded]>('callEnded');
export const callStateQuery = defineQuery<CallState>('callState');
