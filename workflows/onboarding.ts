import * as wf from '@temporalio/workflow';
import type { MailActivities, MessagingActivities } from '../activities/contracts.ts';
import type { OnboardingActivities } from '../activities/onboarding-contract.ts';
import { areaCodeQuery, type OnboardingStepName } from '../domain/inputs/onboarding.ts';
import { ONBOARDING_STEPS } from '../domain/onboarding/steps.ts';
import { reminderMail, reminderText } from '../domain/onboarding/words.ts';
import { ROOT_TENANT_ID } from '../domain/tenancy.ts';
import { OnboardingRun } from './onboarding-run.ts';
import { provision } from './onboarding-saga.ts';
import { availableNumbersUpdate, finishOnboardingUpdate, onboardingProgressQuery, onboardingStepUpdates, STEP_REFUSED, type OnboardingInput } from './onboarding.messages.ts';
import { TenantStatusKey } from './search-attributes.ts';

// A tenant's onboarding wizard (`onboarding:<tenantId>`), from signup to a working business: one
// update per step (each with a validator, so bad input never enters history), a `progress` query the
// wizard resumes from on any device, the provisioning saga on finish (onboarding-saga.ts), a reminder
// after a day without a step and expiry after a week, releasing everything held. State and handlers:
// onboarding-run.ts; this file only waits and dispatches.

export * from './onboarding.messages.ts';

const lookups = wf.proxyActivities<Pick<OnboardingActivities, 'findAvailableNumbers' | 'expireTenant'>>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds', maximumAttempts: 3 },
});
const release = wf.proxyActivities<Pick<OnboardingActivities, 'expireTenant'>>({ startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });
const remind = wf.proxyActivities<MessagingActivities & MailActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber', 'MailRejected'] },
});

export async function onboarding(input: OnboardingInput): Promise<void> {
  const run = new OnboardingRun(input);
  listen(run);

  for (;;) {
    if (run.finishRequested) {
      run.finishRequested = false;
      await provision(run);
      if (run.status === 'complete') break;
      continue;
    }
    const due = run.nextTimerAt();
    if (due > Date.now()) {
      await wf.condition(() => run.finishRequested || wf.workflowInfo().continueAsNewSuggested, due === Infinity ? undefined : due - Date.now());
    }
    if (run.finishRequested) continue;
    if (!run.reminded && Date.now() >= run.lastActivityAt + input.timers.reminderAfterMs && run.open) {
      run.reminded = true;
      await sendReminder(run);
    }
    if (run.open && Date.now() >= run.lastActivityAt + input.timers.expireAfterMs) {
      await release.expireTenant({ tenantId: run.tenantId });
      run.status = 'expired';
      wf.upsertSearchAttributes([{ key: TenantStatusKey, value: 'expired' }]);
      break;
    }
    // A wizard revisited for weeks could grow its history without bound: hand over to a fresh run.
    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      if (!run.finishRequested) await wf.continueAsNew<typeof onboarding>(run.carryOver());
    }
  }
  await wf.condition(wf.allHandlersFinished);
}

function listen(run: OnboardingRun) {
  wf.setHandler(onboardingProgressQuery, () => run.progress());
  for (const step of ONBOARDING_STEPS) {
    wf.setHandler(onboardingStepUpdates[step], (body) => run.applyStep(step as OnboardingStepName, body), { validator: (body) => run.validateStep(step, body) });
  }
  wf.setHandler(finishOnboardingUpdate, (_request) => run.finish(), { validator: (_request) => run.validateFinish() });
  wf.setHandler(
    availableNumbersUpdate,
    async ({ areaCode }) => {
      run.searches += 1;
      return lookups.findAvailableNumbers({ areaCode });
    },
    {
      validator: (request) => {
        run.refuseUnlessOpen();
        const parsed = areaCodeQuery.safeParse(request);
        if (!parsed.success) throw wf.ApplicationFailure.create({ type: STEP_REFUSED, message: 'Area code: 3 digits, like 918', details: [{ areaCode: parsed.error.issues[0]?.message ?? 'Area code: 3 digits, like 918' }], nonRetryable: true });
      },
    },
  );
}

/** The owner has not been back for a day: an email, and a text when they gave a mobile number (from the platform's own number, as the business has none yet). */
async function sendReminder(run: OnboardingRun) {
  const facts = { businessName: run.values.business?.businessName ?? run.input.businessName, tenantId: run.tenantId, appUrl: run.input.appUrl, expiresAt: run.progress().expiresAt! };
  const mail = reminderMail(facts);
  const n = run.lastActivityAt; // one reminder per quiet spell
  await remind.sendEmail({ tenantId: run.tenantId, to: run.input.owner.email, subject: mail.subject, text: mail.text, idempotencyKey: `onboarding-reminder:${n}` }).catch((error: unknown) => wf.log.warn('reminder email not sent', { tenantId: run.tenantId, error: errorType(error) }));
  const ownerPhone = run.values.business?.ownerPhone;
  if (ownerPhone) {
    await remind
      .sendSms({ tenantId: ROOT_TENANT_ID, to: ownerPhone, body: reminderText(facts), idempotencyKey: `onboarding-reminder:${run.tenantId}:${n}`, kind: 'owner-alert', customerId: null })
      .catch((error: unknown) => wf.log.warn('reminder text not sent', { tenantId: run.tenantId, error: errorType(error) }));
  }
}

/** A failure's kind for the log, never its message (a provider's message may name the number). */
const errorType = (error: unknown) => (error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure ? error.cause.type : error instanceof Error ? error.name : 'unknown');
