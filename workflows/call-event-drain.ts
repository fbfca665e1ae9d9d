import * as wf from '@temporalio/workflow';
import type { CallEventDrainActivities } from '../activities/call-events.ts';

// One per task queue (`call-event-drain:<queue>`, started by each worker at start-up): delivers the
// call events voice webhooks kept in Postgres while Temporal was away. The poll runs in the
// activity (a heartbeat each second), so this history grows by a few events a minute; it continues
// as new long before it is large.

const { deliverKeptCallEvents } = wf.proxyActivities<CallEventDrainActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const POLLS_PER_RUN = 100;

export async function callEventDrainWorkflow(): Promise<void> {
  for (let i = 0; i < POLLS_PER_RUN; i++) await deliverKeptCallEvents({ forSeconds: 30 });
  await wf.continueAsNew<typeof callEventDrainWorkflow>();
}
