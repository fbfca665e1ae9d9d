import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import type { BillingActivities, MailActivities, MessagingActivities } from '../activities/contracts.ts';
import type { OnboardingActivities } from '../activities/onboarding-contract.ts';
import type { OnboardingStepName, OnboardingValues } from '../domain/inputs/onboarding.ts';
import { PROVISIONING_STEPS, type ProvisioningStepName, type ProvisioningStepState } from '../domain/onboarding/steps.ts';
import { provisioningFailureWords, welcomeMail, welcomeText } from '../domain/onboarding/words.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import type { OnboardingRun } from './onboarding-run.ts';
import { TenantIdKey, TenantStatusKey, TenantTierKey } from './search-attributes.ts';

// The provisioning saga, run when the owner finishes the wizard: each step an idempotent activity
// with its compensation, in order. A step's compensation is registered before the step runs (a step
// that timed out may have half-happened; every compensation is a no-op for what never happened), and
// a failure undoes exactly the steps that ran, newest first, then marks the tenant `failed`. Finishing
// again retries as a new attempt; nothing is bought or subscribed twice (each activity looks up first).

/** Bounded: a provider that keeps failing fails the attempt (≈ 15 s) instead of holding the owner forever. */
const act = wf.proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 5, nonRetryableErrorTypes: ['SlugTaken', 'NumberUnavailable', 'TwilioRejected'] },
});
const billing = wf.proxyActivities<Pick<BillingActivities, 'ensureCustomer' | 'ensureSubscription'>>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 5, nonRetryableErrorTypes: ['StripeRejected', 'NoStripeCustomer'] },
});
const send = wf.proxyActivities<MessagingActivities & MailActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 5, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber', 'MailRejected'] },
});
/** Compensations must finish: they retry until they do. */
const undo = wf.proxyActivities<OnboardingActivities>({ startToCloseTimeout: '15 seconds', retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' } });

interface SagaStep {
  run: () => Promise<void>;
  undo?: () => Promise<unknown>;
}

/** The wizard step whose fields would fix a failure of this kind, if any. */
const FIX_AT: Record<string, OnboardingStepName> = { SlugTaken: 'business', NumberUnavailable: 'phone' };

function failureOf(error: unknown): { type: string | null; message: string | null } {
  let cause: unknown = error;
  while (cause instanceof wf.ActivityFailure || cause instanceof wf.ChildWorkflowFailure) cause = cause.cause;
  return cause instanceof wf.ApplicationFailure ? { type: cause.type ?? null, message: cause.message } : { type: null, message: null };
}

export async function provision(run: OnboardingRun): Promise<void> {
  const progress = run.provisioning!;
  const values = run.values as OnboardingValues;
  const { tenantId } = run;
  const ref = { tenantId };
  const key = (step: string) => `onboarding:${tenantId}:${progress.attempt}:${step}`;
  const setState = (name: ProvisioningStepName, state: ProvisioningStepState) => {
    progress.steps = progress.steps.map((step) => (step.name === name ? { ...step, state } : step));
  };

  const steps: Record<ProvisioningStepName, SagaStep> = {
    tenant: { run: () => act.completeTenant({ ...ref, values }), undo: () => undo.markTenantFailed(ref) },
    pack: { run: async () => void (await act.seedServices({ ...ref, services: values.services.services })), undo: () => undo.removeSeededServices(ref) },
    number: {
      run: async () => {
        progress.phoneNumber = (await act.buyNumber({ ...ref, values })).phoneNumber;
      },
      undo: async () => {
        await undo.releaseNumber(ref);
        progress.phoneNumber = null;
      },
    },
    // The billing workflow's own activities, so billing is written once: it finds both when it takes over.
    trial: {
      run: async () => {
        await billing.ensureCustomer({ ...ref, idempotencyKey: key('customer') });
        await billing.ensureSubscription({ ...ref, tier: values.plan.tier, trialDays: run.input.billing.trialDays, idempotencyKey: key('subscription') });
      },
      undo: () => undo.cancelTrial({ ...ref, idempotencyKey: key('cancel-subscription') }),
    },
    website: { run: () => act.publishSite({ ...ref, template: values.website.template }), undo: () => undo.unpublishSite(ref) },
    carrier: { run: () => startCarrierRegistration(run) },
    welcome: { run: () => sendWelcome(run, values, progress.phoneNumber!, key('welcome')) },
  };

  const done: (() => Promise<unknown>)[] = [];
  for (const name of PROVISIONING_STEPS) {
    const step = steps[name];
    setState(name, 'running');
    if (step.undo) {
      const undoStep = step.undo;
      done.unshift(async () => {
        await undoStep();
        if (progress.steps.find((s) => s.name === name)?.state === 'done') setState(name, 'undone');
      });
    }
    try {
      await step.run();
      setState(name, 'done');
    } catch (error) {
      setState(name, 'failed');
      const failure = failureOf(error);
      const fixAt = failure.type ? (FIX_AT[failure.type] ?? null) : null;
      progress.error = { step: name, message: fixAt && failure.message ? failure.message : provisioningFailureWords(name), fixAt };
      wf.log.warn('provisioning failed; compensating', { tenantId, step: name, attempt: progress.attempt, type: failure.type });
      for (const compensate of done) await compensate();
      progress.canRetry = true;
      run.status = 'failed';
      wf.upsertSearchAttributes([{ key: TenantStatusKey, value: 'failed' }]);
      return;
    }
  }

  await act.activateTenant(ref);
  await handOverToBilling(run, values.plan.tier);
  run.status = 'complete';
  wf.upsertSearchAttributes([
    { key: TenantStatusKey, value: 'trialing' },
    { key: TenantTierKey, value: values.plan.tier },
  ]);
}

/**
 * US business texting needs carrier registration (A2P 10DLC), which takes days to weeks: a child that
 * outlives onboarding. Nothing to undo: a failed provisioning leaves no number to register, and the
 * child only submits once the site's pages answer. Until it is approved, texts go from the platform number.
 */
async function startCarrierRegistration(run: OnboardingRun): Promise<void> {
  const { tenantId } = run;
  try {
    await wf.startChild('carrierRegistration', {
      workflowId: workflowIds.carrierRegistration(tenantId),
      args: [{ tenantId, ...(run.input.carrierPolling ? { polling: run.input.carrierPolling } : {}) }],
      parentClosePolicy: wf.ParentClosePolicy.ABANDON,
      typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
    });
  } catch (error) {
    // A retried finish after it started, or the owner already started it from the dashboard.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

async function sendWelcome(run: OnboardingRun, values: OnboardingValues, phoneNumber: string, key: string) {
  const { tenantId } = run;
  const words = { businessName: values.business.businessName, phoneNumber, forwardFrom: values.phone.forwardExisting ?? null, appUrl: run.input.appUrl, tenantId };
  const ownerPhone = values.business.ownerPhone;
  // The one SMS path, from the new number to the owner (an owner alert: no plan feature, no quiet hours).
  if (ownerPhone) await send.sendSms({ tenantId, to: ownerPhone, body: welcomeText(words), idempotencyKey: `${key}:text`, kind: 'owner-alert', customerId: null });
  const mail = welcomeMail(words);
  await send.sendEmail({ tenantId, to: run.input.owner.email, subject: mail.subject, text: mail.text, idempotencyKey: `${key}:email` });
}

/** The tenant's billing life (`billing:<id>`) takes over: it finds the customer and the trialing subscription the trial step made. */
async function handOverToBilling(run: OnboardingRun, tier: OnboardingValues['plan']['tier']) {
  const { tenantId } = run;
  try {
    await wf.startChild('tenantBilling', {
      workflowId: workflowIds.billing(tenantId),
      args: [{ tenantId, tier, status: 'trialing', stripe: { durations: run.input.billing } }],
      parentClosePolicy: wf.ParentClosePolicy.ABANDON,
      typedSearchAttributes: [
        { key: TenantIdKey, value: tenantId },
        { key: TenantTierKey, value: tier },
        { key: TenantStatusKey, value: 'trialing' },
      ],
    });
  } catch (error) {
    // Already running (a retried finish after it started): it is the one that takes over.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
