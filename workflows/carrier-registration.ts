import * as wf from '@temporalio/workflow';
import type { CarrierRegistrationActivities, RegistrationStatus, StepOutcome } from '../activities/carrier-registration/index.ts';
import { DEFAULT_POLLING, lintCampaign, pollDelayMs, rewordCampaign, STATE_LABELS, type Campaign, type RegistrationStep } from '../domain/carrier-registration/index.ts';
import {
  registrationProgressQuery,
  registrationStatusChangedSignal,
  resubmitCampaignUpdate,
  type CarrierRegistrationInput,
  type RegistrationProgress,
  type ResubmitRequest,
} from './carrier-registration.messages.ts';

// `carrier-registration:<tenantId>`: a business's US carrier registration for texting (A2P 10DLC),
// for days or weeks — Trust Hub profile → brand → Messaging Service → (its website checked) →
// campaign → number attached. Each step is an idempotent activity that records Twilio's SIDs before
// the next; reviews are polled with backoff and checked at once when Twilio calls back. A refusal
// tells the owner what to fix and waits for `resubmitCampaign`. Started as onboarding's child or on
// its own (the dashboard's button); the carrier_registrations row is the state everyone reads.

const steps = wf.proxyActivities<CarrierRegistrationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['NoRegistration', 'NoSuchTenant', 'CampaignLintFailed'] },
});

type Step = (input: { tenantId: string }) => Promise<StepOutcome>;

export async function carrierRegistration(input: CarrierRegistrationInput): Promise<RegistrationProgress> {
  const { tenantId } = input;
  const polling = input.polling ?? DEFAULT_POLLING;
  let notices = input.notices ?? 0;
  const start = await steps.beginCarrierRegistration({ tenantId });
  let campaign: Campaign = start.campaign;
  const progress: RegistrationProgress = { state: start.state, failedStep: start.failedStep, submissions: start.submissions };
  const track = <T extends RegistrationStatus>(status: T): T => {
    Object.assign(progress, { state: status.state, failedStep: status.failedStep, submissions: status.submissions });
    return status;
  };
  let woken = false;
  let fix: ResubmitRequest | null = null;

  wf.setHandler(registrationProgressQuery, () => progress);
  wf.setHandler(registrationStatusChangedSignal, () => {
    woken = true;
  });
  wf.setHandler(
    resubmitCampaignUpdate,
    async (request) => {
      fix = request;
      await wf.condition(() => fix === null); // the main loop has sent it (or kept waiting, when it could not)
      return progress;
    },
    {
      validator: (request) => {
        if (progress.state !== 'action_needed') throw new Error(`There is nothing to submit again: the registration is “${STATE_LABELS[progress.state]}”.`);
        if (fix) throw new Error('A fix is already being submitted.');
        if (!request.wording) return;
        const problems = lintCampaign(rewordCampaign(campaign, request.wording), start);
        if (problems.length) throw wf.ApplicationFailure.create({ type: 'CampaignLintFailed', message: problems.map((p) => p.message).join(' '), details: [problems] });
      },
    },
  );

  async function tellOwner(about: 'approved' | 'action_needed') {
    notices += 1;
    try {
      await steps.tellOwnerAboutRegistration({ tenantId, about, round: notices });
    } catch (error) {
      wf.log.warn('the owner could not be told about carrier registration', { tenantId, about, error: String(error) });
    }
  }

  /** Polls a review until it is decided: soon at first, then less often; at once when Twilio calls back. */
  async function review(check: Step): Promise<'done' | 'refused'> {
    for (let n = 0; ; n++) {
      // Cleared before the check, so a callback that lands while Twilio is being asked still wakes the next one.
      woken = false;
      const result = track(await check({ tenantId }));
      if (result.outcome !== 'waiting') return result.outcome;
      await wf.condition(() => woken, pollDelayMs(n, polling));
      if (wf.workflowInfo().continueAsNewSuggested) {
        // Everything lives in the row and at Twilio: a fresh run picks up at this review.
        await wf.condition(wf.allHandlersFinished);
        await wf.continueAsNew<typeof carrierRegistration>({ ...input, notices });
      }
    }
  }

  /** The owner is told what to fix; their fix (already linted by the validator) sends the step back. */
  async function untilFixed(step: RegistrationStep) {
    await tellOwner('action_needed');
    for (;;) {
      await wf.condition(() => fix !== null);
      try {
        const sent = track(await steps.resubmitRegistration({ tenantId, step, wording: fix!.wording, seen: progress.submissions }));
        campaign = sent.campaign;
        return;
      } catch (error) {
        wf.log.warn('a fix could not be submitted; waiting for another', { tenantId, step, error: String(error) });
      } finally {
        fix = null;
      }
    }
  }

  /** One step: submit (a no-op once its SID is recorded), then its review, until it passes. */
  async function pass(step: RegistrationStep, submit: Step, check?: Step) {
    for (;;) {
      const submitted = track(await submit({ tenantId }));
      if (submitted.outcome !== 'refused' && (!check || (await review(check)) === 'done')) return;
      await untilFixed(step);
    }
  }

  await pass('profile', steps.submitTrustProfile, steps.checkTrustProfile);
  await pass('brand', steps.registerBrand, steps.checkBrand);
  await pass('brand', steps.createMessagingService);
  await pass('website', steps.checkCampaignPages);
  await pass('campaign', steps.submitCampaign, steps.checkCampaign);
  await pass('number', steps.attachBusinessNumber);
  await tellOwner('approved');
  await wf.condition(wf.allHandlersFinished);
  return progress;
}
