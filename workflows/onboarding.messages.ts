import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PollingDurations } from '../domain/carrier-registration/index.ts';
import type { OnboardingStepName, OnboardingValues } from '../domain/inputs/onboarding.ts';
import type { OnboardingProgress, OnboardingStatus, ProvisioningProgress } from '../domain/onboarding/steps.ts';
import type { BillingDurations } from './billing.messages.ts';

// The onboarding workflow's messages (`onboarding:<tenantId>`), apart from its code: the API's client
// helpers (workers/client/onboarding.ts) import this file, only the worker bundle the workflow. Names
// and shapes are part of every running history: change them only behind a new message.

export interface OnboardingTimers {
  /** No step for this long: the owner is reminded (email, and a text when they gave a mobile number). */
  reminderAfterMs: number;
  /** No step for this long: the wizard expires and everything it held is released. */
  expireAfterMs: number;
}

/** What a run carries over continue-as-new (absent on a fresh start). */
export interface OnboardingCarry {
  status: OnboardingStatus;
  values: Partial<OnboardingValues>;
  done: OnboardingStepName[];
  provisioning: ProvisioningProgress | null;
  lastActivityAt: number;
  reminded: boolean;
  searches: number;
}

export interface OnboardingInput {
  tenantId: string;
  /** The owner who signed up (the payload codec encrypts the email in history). */
  owner: { userId: string; email: string };
  businessName: string;
  /** PUBLIC_BASE_URL: the links in the reminder and welcome messages. */
  appUrl: string;
  timers: OnboardingTimers;
  /** The billing workflow's timers, handed to `billing:<tenantId>` when provisioning hands over. */
  billing: BillingDurations;
  /** How often the carrier registration child polls Twilio's reviews (workers/client/carrier-registration.ts). */
  carrierPolling?: PollingDurations;
  carry?: OnboardingCarry;
}

export interface AvailableNumber {
  phoneNumber: string;
  /** "(918) 555-0142". */
  friendlyName: string;
  locality: string | null;
  region: string | null;
}

/** One update per wizard step: the body as sent; the validator checks it with domain/inputs/onboarding.ts. */
export const onboardingStepUpdates: { [S in OnboardingStepName]: ReturnType<typeof defineUpdate<OnboardingProgress, [unknown]>> } = {
  business: defineUpdate<OnboardingProgress, [unknown]>('business'),
  industry: defineUpdate<OnboardingProgress, [unknown]>('industry'),
  services: defineUpdate<OnboardingProgress, [unknown]>('services'),
  phone: defineUpdate<OnboardingProgress, [unknown]>('phone'),
  greeting: defineUpdate<OnboardingProgress, [unknown]>('greeting'),
  branding: defineUpdate<OnboardingProgress, [unknown]>('branding'),
  website: defineUpdate<OnboardingProgress, [unknown]>('website'),
  plan: defineUpdate<OnboardingProgress, [unknown]>('plan'),
};

/** Finish: every step done → provisioning starts (again, after a failure); while it runs or once done, a no-op. */
export const finishOnboardingUpdate = defineUpdate<OnboardingProgress, [{ requestedBy: string }]>('finish');
/** Local numbers Twilio has for an area code (an activity; nothing is held). */
export const availableNumbersUpdate = defineUpdate<AvailableNumber[], [{ areaCode: string }]>('availableNumbers');
export const onboardingProgressQuery = defineQuery<OnboardingProgress>('progress');

/** A step refused by its validator: the field messages travel in the failure's details. */
export const STEP_REFUSED = 'OnboardingStepRefused';
/** Not now: provisioning is running, or the wizard is complete or expired. */
export const STEP_NOT_NOW = 'OnboardingClosed';
