import { createBillingActivities } from './billing.ts';
import { createCallActivities } from './calls.ts';
import { createCallEventActivities } from './call-events.ts';
import { createExportActivities } from './export.ts';
import { createKeptMessageActivities } from './kept-messages.ts';
import { createMailActivities } from './mail.ts';
import { createMessagingActivities } from './messaging.ts';
import { createUsageActivities } from './usage.ts';
import { createRetentionActivities } from './retention.ts';
import type { ActivityDeps } from './deps.ts';

/** Every activity the worker registers, one factory per outside system. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createCallActivities(deps.db),
    ...createCallEventActivities(deps),
    ...createKeptMessageActivities(deps.db),
    ...createMessagingActivities(deps),
    ...createMailActivities(deps),
    ...createBillingActivities(deps),
    ...createExportActivities(deps),
    ...createUsageActivities(deps),
    ...createRetentionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
