import { ONBOARDING_STEPS } from '../../../../domain/onboarding/steps.ts';
import type { OnboardingProgress, OnboardingStep } from '../../api/types.ts';

/** The words the owner reads for each step. */
const WORDS: Record<OnboardingStep, { label: string; title: string }> = {
  business: { label: 'Business', title: 'About your business' },
  industry: { label: 'Trade', title: 'What kind of work do you do?' },
  services: { label: 'Services', title: 'Your services and prices' },
  phone: { label: 'Phone', title: 'Your business number' },
  greeting: { label: 'Greeting', title: 'What callers hear' },
  branding: { label: 'Look', title: 'Your colour and logo' },
  website: { label: 'Website', title: 'Pick a website design' },
  plan: { label: 'Plan', title: 'Choose your plan' },
};

/** The wizard's steps in the onboarding workflow's order (domain/onboarding/steps.ts), with their words. */
export const SETUP_STEPS: readonly { name: OnboardingStep; label: string; title: string }[] = ONBOARDING_STEPS.map((name) => ({ name, ...WORDS[name] }));

export const isSetupStep = (value: unknown): value is OnboardingStep => SETUP_STEPS.some((step) => step.name === value);

export const stepIndex = (name: OnboardingStep) => SETUP_STEPS.findIndex((step) => step.name === name);

/** Where a returning owner picks up: the first step not done yet (the last one when all are). */
export function resumeStep(progress: OnboardingProgress): OnboardingStep {
  const done = new Set(progress.steps.filter((step) => step.done).map((step) => step.name));
  return SETUP_STEPS.find((step) => !done.has(step.name))?.name ?? 'plan';
}

/** A step may be opened once every step before it is done: no skipping ahead past an empty one. */
export function canOpen(progress: OnboardingProgress, name: OnboardingStep): boolean {
  return stepIndex(name) <= stepIndex(resumeStep(progress));
}

export const nextStep = (name: OnboardingStep): OnboardingStep | null => SETUP_STEPS[stepIndex(name) + 1]?.name ?? null;
export const previousStep = (name: OnboardingStep): OnboardingStep | null => SETUP_STEPS[stepIndex(name) - 1]?.name ?? null;

/** Still filling in the steps (after finish: provisioning, then complete, or failed with a retry). */
export const isCollecting = (progress: OnboardingProgress) => progress.status === 'in_progress';
