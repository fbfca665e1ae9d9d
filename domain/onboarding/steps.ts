import { fillPackText, industryPack } from '../industry-packs/index.ts';
import type { OnboardingStepName, OnboardingValues } from '../inputs/onboarding.ts';
import { STARTER_TEMPLATE, templateAllowed } from '../sites/templates.ts';

// The onboarding wizard as data and pure rules: its steps in order, what the progress query answers,
// the provisioning saga's steps, and the checks that span steps. The workflow (workflows/onboarding.ts)
// keeps the state; the API and the web wizard read the same names.

export const ONBOARDING_STEPS = ['business', 'industry', 'services', 'phone', 'greeting', 'branding', 'website', 'plan'] as const satisfies readonly OnboardingStepName[];

/** What finishing does, in order; each step has its compensation (workflows/onboarding-saga.ts). */
export const PROVISIONING_STEPS = ['tenant', 'pack', 'number', 'trial', 'website', 'carrier', 'welcome'] as const;
export type ProvisioningStepName = (typeof PROVISIONING_STEPS)[number];
export type ProvisioningStepState = 'pending' | 'running' | 'done' | 'failed' | 'undone';

/** `in_progress` → (finish) `provisioning` → `complete`; a failure rolls back to `failed` (finish again retries); `expired` when abandoned. */
export type OnboardingStatus = 'in_progress' | 'provisioning' | 'complete' | 'failed' | 'expired';

export interface ProvisioningProgress {
  /** 1 for the first finish, 2 for the first retry… */
  attempt: number;
  steps: { name: ProvisioningStepName; state: ProvisioningStepState }[];
  /** What went wrong, in words for the owner, and the wizard step to revisit when one would fix it. */
  error: { step: ProvisioningStepName; message: string; fixAt: OnboardingStepName | null } | null;
  /** Failed: finishing again retries (nothing of the failed attempt is kept). */
  canRetry: boolean;
  /** The business number once bought; with forwardExisting, the number the owner forwards their own to. */
  phoneNumber: string | null;
}

export interface OnboardingProgress {
  status: OnboardingStatus;
  /** The step the wizard shows next: the first not done, `finish` when all are, null once provisioning has begun. */
  step: OnboardingStepName | 'finish' | null;
  steps: { name: OnboardingStepName; done: boolean }[];
  provisioning: ProvisioningProgress | null;
  /** What was entered so far (and the pack's suggestions for steps not yet done), so the wizard resumes anywhere. */
  values: Partial<OnboardingValues>;
  /** When the wizard expires if nothing more is entered (ISO). */
  expiresAt: string | null;
}

export function nextStep(done: ReadonlySet<OnboardingStepName>): OnboardingStepName | 'finish' {
  return ONBOARDING_STEPS.find((step) => !done.has(step)) ?? 'finish';
}

/**
 * Suggestions from the chosen pack for steps the owner has not confirmed: its services (as the
 * services step takes them) and its greeting and info text, filled with the business's name.
 */
export function packSuggestions(packId: string, businessName: string): Pick<OnboardingValues, 'services' | 'greeting'> {
  const pack = industryPack(packId);
  return {
    services: { services: pack.services.map(({ name, durationMinutes, priceCents }) => ({ name, durationMinutes, priceCents })) },
    greeting: { greetingText: fillPackText(pack.ivr.greeting, { business: businessName }).slice(0, 300), infoText: fillPackText(pack.ivr.info, { business: businessName }).slice(0, 480) },
  };
}

/** A refusal that names the field a person must change. */
export interface StepProblem {
  message: string;
  fields: Record<string, string>;
}

/** Rules across steps (a later step may make an earlier choice impossible): null when the pair is fine. */
export function crossStepProblem(values: Partial<OnboardingValues>): StepProblem | null {
  const tier = values.plan?.tier;
  if (!tier) return null;
  if (values.phone?.forwardExisting && tier !== 'starter') {
    const message = 'Keeping your own number (forwarding it to us) is part of the Starter plan. Choose Starter, or go back to the phone step and pick a new number.';
    return { message, fields: { tier: message } };
  }
  const template = values.website?.template;
  if (template && !templateAllowed(tier, template)) {
    const message = `The Starter plan comes with the “${STARTER_TEMPLATE}” website template. Choose Pro or Elite for “${template}”, or go back and pick “${STARTER_TEMPLATE}”.`;
    return { message, fields: { tier: message } };
  }
  return null;
}

/** The steps still missing before finishing, in order. */
export const missingSteps = (done: ReadonlySet<OnboardingStepName>) => ONBOARDING_STEPS.filter((step) => !done.has(step));
