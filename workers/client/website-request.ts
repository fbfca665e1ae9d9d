import type { Client } from '@temporalio/client';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { websiteRequest, WebsiteRequestAlert } from '../../workflows/website-request.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';

/** How long a visitor's form post waits for Temporal to take the owner's alert; the request itself is already stored. */
const START_DEADLINE_MS = 3_000;

/** Starts the workflow that texts and emails the owner about one website request (once per request id). */
export async function startWebsiteRequestAlert(client: Client, taskQueue: string, alert: WebsiteRequestAlert): Promise<void> {
  await client.connection.withDeadline(Date.now() + START_DEADLINE_MS, () =>
    client.workflow.start<typeof websiteRequest>('websiteRequest', {
      workflowId: workflowIds.websiteRequest(alert.tenantId, alert.requestId),
      taskQueue,
      args: [alert],
      typedSearchAttributes: [{ key: TenantIdKey, value: alert.tenantId }],
    }),
  );
}
