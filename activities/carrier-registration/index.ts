import { ApplicationFailure } from '@temporalio/common';
import { lintCampaign, rewordCampaign, type Campaign, type CampaignWording, type RegistrationPages, type RegistrationStep } from '../../domain/carrier-registration/index.ts';
import type { ActivityDeps } from '../deps.ts';
import { createTwilioClient } from '../twilio-client.ts';
import { brandAndCampaignSteps } from './brand-campaign.ts';
import { finishingSteps } from './finish.ts';
import { pagesCheck } from './pages-check.ts';
import { outcome, registrationRecords, statusOf, type RegistrationStatus, type StepOutcome } from './records.ts';
import { trustHubSteps } from './trust-hub.ts';

export type { RegistrationStatus, StepOutcome } from './records.ts';

/** What the workflow holds to lint an owner's rewrite in its update's validator. */
export interface RegistrationStart extends RegistrationStatus {
  businessName: string;
  pages: RegistrationPages;
  campaign: Campaign;
}

export interface ResubmitInput {
  tenantId: string;
  step: RegistrationStep;
  wording?: CampaignWording;
  /** The submission count the workflow saw when the owner asked: the resubmission's idempotency key. */
  seen: number;
}

/**
 * The carrier-registration workflow's activities (workflows/carrier-registration.ts): one per step,
 * each idempotent — it reads the row, does only what is not yet recorded there, and records each
 * Twilio SID as soon as Twilio answers.
 */
export function createCarrierRegistrationActivities(deps: ActivityDeps) {
  const client = createTwilioClient(deps.config, deps.masterKey);
  const records = registrationRecords(deps.db, deps.config);
  const trust = trustHubSteps(deps, client, records);
  const twilioSteps = brandAndCampaignSteps(deps, client, records);

  return {
    /** Marks the business as registering (a row `not_started` or missing becomes `pending`) with its generated campaign. */
    async beginCarrierRegistration({ tenantId }: { tenantId: string }): Promise<RegistrationStart> {
      const facts = await records.facts(tenantId);
      const existing = await deps.db.carrierRegistration.findUnique({ where: { tenantId } });
      const campaign = (existing?.campaign as unknown as Campaign | null) ?? (await records.generatedCampaign(tenantId));
      const row = await deps.db.carrierRegistration.upsert({
        where: { tenantId },
        create: { tenantId, state: 'pending', campaign: campaign as object },
        update: { campaign: campaign as object, ...(existing?.state === 'not_started' ? { state: 'pending' } : {}) },
      });
      return { ...statusOf(row), businessName: facts.businessName, pages: facts.pages, campaign };
    },
    submitTrustProfile: trust.submitTrustProfile,
    checkTrustProfile: trust.checkTrustProfile,
    registerBrand: twilioSteps.registerBrand,
    checkBrand: twilioSteps.checkBrand,
    createMessagingService: twilioSteps.createMessagingService,
    ...pagesCheck(records),
    submitCampaign: twilioSteps.submitCampaign,
    checkCampaign: twilioSteps.checkCampaign,
    ...finishingSteps(deps, client, records),

    /** The owner's fix: their rewrite of the campaign (linted again), then the refused step back to review. */
    async resubmitRegistration({ tenantId, step, wording, seen }: ResubmitInput): Promise<StepOutcome & { campaign: Campaign }> {
      let row = await records.row(tenantId);
      if (wording) {
        const campaign = rewordCampaign(row.campaign as unknown as Campaign, wording);
        const problems = lintCampaign(campaign, await records.facts(tenantId));
        if (problems.length) throw ApplicationFailure.nonRetryable(problems.map((p) => p.message).join(' '), 'CampaignLintFailed', problems);
        row = await records.update(tenantId, { campaign: campaign as object });
      }
      if (step === 'profile') {
        await trust.resubmitTrustProfile(tenantId);
        row = await records.update(tenantId, { state: 'profile_review', failedStep: null, errors: [] });
      } else if ((step === 'brand' && row.brandSid) || (step === 'campaign' && row.campaignSid)) {
        await twilioSteps.resubmitToTwilio(tenantId, step, seen);
        row = await records.row(tenantId);
      } else {
        // Nothing at Twilio to send back (the website, the number, or a campaign Twilio refused to create): the step runs again.
        row = await records.update(tenantId, { state: 'pending', failedStep: null, errors: [] });
      }
      return { ...outcome(row, 'done'), campaign: row.campaign as unknown as Campaign };
    },
  };
}

export type CarrierRegistrationActivities = ReturnType<typeof createCarrierRegistrationActivities>;
