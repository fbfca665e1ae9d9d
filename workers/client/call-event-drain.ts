import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { callEventDrainWorkflow } from '../../workflows/call-event-drain.ts';

/** The drain workflow of `taskQueue`'s deployment: started once, then left running (every worker start ensures it). */
export async function ensureCallEventDrain(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.start<typeof callEventDrainWorkflow>('callEventDrainWorkflow', {
    workflowId: `call-event-drain:${taskQueue}`,
    taskQueue,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}
