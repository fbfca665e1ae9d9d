import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { workflowIds } from '../domain/workflow-ids.ts';
import { TenantIdKey } from '../workflows/search-attributes.ts';
import type { HeldTextInput } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';

// The durable timers of texts held by quiet hours: one `held-text:<tenantId>:<messageId>` workflow
// each (workflows/held-text.ts), started and cancelled from sendSms's side of the world.

/** Each Temporal call from an activity is bounded, so a stuck server fails the attempt (and it is retried). */
const TEMPORAL_DEADLINE_MS = 10_000;

function temporalOf(deps: ActivityDeps) {
  // The worker always passes its client; without one a held text would never be sent.
  if (!deps.temporal) throw new Error('sendSms needs a Temporal client to hold texts until quiet hours end');
  return deps.temporal;
}

/** Starts the text's timer; a second start (a retried activity) finds it running and is a no-op. */
export async function startHeldText(deps: ActivityDeps, tenantId: string, input: HeldTextInput): Promise<void> {
  const temporal = temporalOf(deps);
  try {
    await temporal.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, () =>
      temporal.workflow.start('heldTextWorkflow', {
        workflowId: workflowIds.heldText(tenantId, input.messageId),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
      }),
    );
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Cancels the timers of texts that will not go (their rows are already cancelled); one already gone is fine. */
export async function cancelHeldTexts(deps: ActivityDeps, tenantId: string, messageIds: string[]): Promise<void> {
  const temporal = temporalOf(deps);
  for (const messageId of messageIds) {
    try {
      await temporal.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, () => temporal.workflow.getHandle(workflowIds.heldText(tenantId, messageId)).cancel());
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
