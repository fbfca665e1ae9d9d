import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CallStep } from '../domain/call-steps.ts';
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

/** Calls answered before the edge design (issue 14): each step an update whose result is the TwiML. Kept while such calls may run. */
export const callStepUpdate = defineUpdate<string, [CallEvent]>('callStep');
/** Each step of a call the API answered itself (domain/call-steps.ts); signal-with-start for the first. */
export const callStepSignal = defineSignal<[CallStep]>('callStepTaken');
export const callEndedSignal = defineSignal<[CallEnded]>('callEnded');
export const callStateQuery = defineQuery<CallState>('callState');
