import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { Config } from '../../domain/config.ts';
import type { OnboardingStepName } from '../../domain/inputs/onboarding.ts';
import type { OnboardingProgress } from '../../domain/onboarding/steps.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { onboarding } from '../../workflows/onboarding.ts';
import { availableNumbersUpdate, finishOnboardingUpdate, onboardingProgressQuery, onboardingStepUpdates, type AvailableNumber, type OnboardingInput, type OnboardingTimers } from '../../workflows/onboarding.messages.ts';
import { TenantIdKey, TenantStatusKey } from '../../workflows/search-attributes.ts';
import { registrationPolling } from './carrier-registration.ts';
import { billingDurations } from './tenant-billing.ts';

// The API's side of `onboarding:<tenantId>`: start it at signup, send each wizard step, finish, ask
// for numbers, read the progress. Every call needs a worker: the API wraps each in a deadline.

const HOUR_MS = 3_600_000;

export function onboardingTimers(config: Pick<Config, 'ONBOARDING_REMINDER_HOURS' | 'ONBOARDING_EXPIRY_DAYS'>): OnboardingTimers {
  return { reminderAfterMs: Math.round(config.ONBOARDING_REMINDER_HOURS * HOUR_MS), expireAfterMs: Math.round(config.ONBOARDING_EXPIRY_DAYS * 24 * HOUR_MS) };
}

/** Starts the wizard's workflow; a second call for a running one is a no-op. */
export async function startOnboarding(client: Client, config: Config, input: Pick<OnboardingInput, 'tenantId' | 'owner' | 'businessName'>) {
  const args: OnboardingInput = { ...input, appUrl: config.PUBLIC_BASE_URL, timers: onboardingTimers(config), billing: billingDurations(config), carrierPolling: registrationPolling(config) };
  await client.workflow.start<typeof onboarding>('onboarding', {
    workflowId: workflowIds.onboarding(input.tenantId),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [args],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [
      { key: TenantIdKey, value: input.tenantId },
      { key: TenantStatusKey, value: 'onboarding' },
    ],
  });
}

const handle = (client: Client, tenantId: string) => client.workflow.getHandle(workflowIds.onboarding(tenantId));

export const queryOnboardingProgress = (client: Client, tenantId: string): Promise<OnboardingProgress> => handle(client, tenantId).query(onboardingProgressQuery);

export const submitOnboardingStep = (client: Client, tenantId: string, step: OnboardingStepName, body: unknown): Promise<OnboardingProgress> =>
  handle(client, tenantId).executeUpdate(onboardingStepUpdates[step], { args: [body] });

export const finishOnboarding = (client: Client, tenantId: string, requestedBy: string): Promise<OnboardingProgress> =>
  handle(client, tenantId).executeUpdate(finishOnboardingUpdate, { args: [{ requestedBy }] });

export const searchAvailableNumbers = (client: Client, tenantId: string, areaCode: string): Promise<AvailableNumber[]> =>
  handle(client, tenantId).executeUpdate(availableNumbersUpdate, { args: [{ areaCode }] });
