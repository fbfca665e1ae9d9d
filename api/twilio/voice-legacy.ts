import type { CallEvent } from '../../domain/ivr.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { callStepUpdate } from '../../workflows/call.messages.ts';
import type { AppDeps } from '../context.ts';
import { withinDeadline } from './deadline.ts';

// Calls answered before the edge design (issue 14) carry action URLs without a state
// (`?call=…&step=N&kind=…`): their workflow still answers each step as an update, as it did when
// the call began. Remove once no call from before that deploy can be running (calls end within 4 hours).

export const isLegacyStep = (query: (name: string) => string | undefined) => !query('v') && query('step') !== undefined;

/** The TwiML the call's workflow answers for this step (throws when it cannot within the deadline). */
export function legacyStep(deps: AppDeps, callSid: string, step: string, event: CallEvent): Promise<string> {
  const handle = deps.temporal.workflow.getHandle(workflowIds.call(callSid));
  return withinDeadline(deps, () => handle.executeUpdate(callStepUpdate, { args: [event], updateId: `${callSid}:${step}:${event.kind}` }));
}
