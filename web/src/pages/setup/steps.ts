import type { OnboardingProgress, OnboardingStep } from '../../api/types.ts';

/** The wizard's steps in order (DESIGN.md "Signup and onboarding"), each with the words the owner reads. */
export const SETUP_STEPS: readonly { name: OnboardingStep; label: string; title: string }[] = [
  { name: 'business', label: 'Business', title: 'About your business' },
  { name: 'industry', label: 'Trade', title: 'What kind of work do you do?' },
  { name: 'services', label: 'Services', title: 'Your services and prices' },
  { name: 'phone', label: 'Phone', title: 'Your business number' },
  { name: 'greeting', label: 'Greeting', title: 'What callers hear' },
  { name: 'branding', label: 'Look', title: 'Your colour and logo' },
  { name: 'website', label: 'Website', title: 'Pick a website design' },
  { name: 'plan', label: 'Plan', title: 'Choose your plan' },
];

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
