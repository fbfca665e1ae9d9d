import type { Client } from '@temporalio/client';
import type { SendEmailInput } from '../../activities/contracts.ts';
import type { accountMail } from '../../workflows/account-mail.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';

/** How long the API waits for Temporal to take an account mail before it says it could not. */
const START_DEADLINE_MS = 5_000;

/**
 * Starts the workflow that sends one account email (invite or password reset) under `workflowId`
 * (domain/workflow-ids.ts: ids only, the address and link are in the encrypted input).
 */
export async function startAccountMail(client: Client, taskQueue: string, workflowId: string, mail: SendEmailInput): Promise<void> {
  await client.connection.withDeadline(Date.now() + START_DEADLINE_MS, () =>
    client.workflow.start<typeof accountMail>('accountMail', {
      workflowId,
      taskQueue,
      args: [mail],
      typedSearchAttributes: [{ key: TenantIdKey, value: mail.tenantId }],
    }),
  );
}
