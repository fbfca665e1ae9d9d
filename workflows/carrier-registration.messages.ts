import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CampaignWording, PollingDurations, RegistrationState, RegistrationStep } from '../domain/carrier-registration/index.ts';

// The carrier-registration workflow's messages (workflows/carrier-registration.ts handles them):
// the API asks for progress, turns Twilio's status callbacks into a signal, and sends the owner's
// fix as an update whose validator lints it. Names and shapes are part of running histories.

export interface CarrierRegistrationInput {
  tenantId: string;
  /** How often reviews are polled (default 1 min doubling to 1 h); tests inject short ones. */
  polling?: PollingDurations;
  /** Owner notices sent so far (carried across continue-as-new: each notice's email key). */
  notices?: number;
}

export interface RegistrationProgress {
  state: RegistrationState;
  failedStep: RegistrationStep | null;
  /** Fee-bearing submissions so far (brand and campaign, resubmissions included). */
  submissions: number;
}

/** The owner's fix: their rewrite of the campaign, or nothing (they fixed the website or their details and ask again). */
export interface ResubmitRequest {
  wording?: CampaignWording;
}

export const registrationProgressQuery = defineQuery<RegistrationProgress>('registrationProgress');
/** Twilio called back about one of the business's bundles (Trust Hub StatusCallback): check now instead of at the next poll. */
export const registrationStatusChangedSignal = defineSignal<[{ sid: string; status: string }]>('registrationStatusChanged');
/** Submit the refused step again, with the owner's fix; refused by its validator when the fix would fail the lint. */
export const resubmitCampaignUpdate = defineUpdate<RegistrationProgress, [ResubmitRequest]>('resubmitCampaign');
