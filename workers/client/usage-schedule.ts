import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsStartWorkflowAction, type ScheduleOptions, type ScheduleSpec } from '@temporalio/client';
import type { reportUsage } from '../../workflows/usage.ts';

/** The one platform-wide schedule that reports every tenant's usage to Stripe. */
export const USAGE_SCHEDULE_ID = 'usage-report';

export interface UsageScheduleOptions {
  taskQueue: string;
  intervalMinutes: number;
  /** Tests use their own, so they never touch the deployment's schedule. */
  scheduleId?: string;
}

function scheduleParts(options: UsageScheduleOptions): { scheduleId: string; spec: ScheduleSpec; action: ScheduleOptionsStartWorkflowAction<typeof reportUsage>; policies: NonNullable<ScheduleOptions['policies']> } {
  const scheduleId = options.scheduleId ?? USAGE_SCHEDULE_ID;
  const action: ScheduleOptionsStartWorkflowAction<typeof reportUsage> = {
    type: 'startWorkflow',
    workflowType: 'reportUsage',
    // The schedule appends the fire time, so each run has its own id; no tenant or personal data in it.
    workflowId: scheduleId,
    taskQueue: options.taskQueue,
    args: [{}],
    workflowExecutionTimeout: `${Math.max(options.intervalMinutes, 5)} minutes`,
  };
  return {
    scheduleId,
    spec: { intervals: [{ every: `${options.intervalMinutes} minutes` }] },
    action,
    // A run still going when the next is due is not doubled: the next one sends the same totals anyway.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
  };
}

/**
 * Creates the usage schedule, or brings an existing one to the configured interval and task queue.
 * Safe at every start-up and from several processes at once.
 */
export async function ensureUsageSchedule(client: Client, options: UsageScheduleOptions): Promise<{ scheduleId: string; created: boolean }> {
  const { scheduleId, spec, action, policies } = scheduleParts(options);
  try {
    await client.schedule.create({ scheduleId, spec, action, policies });
    return { scheduleId, created: true };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action, policies: { ...previous.policies, ...policies } }));
  return { scheduleId, created: false };
}
