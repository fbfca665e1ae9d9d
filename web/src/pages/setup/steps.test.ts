import { describe, expect, it } from 'vitest';
import type { OnboardingProgress } from '../../api/types.ts';
import { canOpen, nextStep, previousStep, resumeStep, SETUP_STEPS } from './steps.ts';

const progress = (done: string[]) => ({ status: 'in_progress', step: null, steps: SETUP_STEPS.map(({ name }) => ({ name, done: done.includes(name) })), provisioning: null, values: {}, expiresAt: null }) as OnboardingProgress;

describe('wizard steps', () => {
  it('resumes at the first step not done, and opens only steps up to it', () => {
    const p = progress(['business', 'industry']);
    expect(resumeStep(p)).toBe('services');
    expect(canOpen(p, 'business')).toBe(true);
    expect(canOpen(p, 'services')).toBe(true);
    expect(canOpen(p, 'phone')).toBe(false);
    expect(resumeStep(progress(SETUP_STEPS.map((s) => s.name)))).toBe('plan');
  });

  it('walks the eight steps in the order of the contract', () => {
    expect(SETUP_STEPS.map((s) => s.name)).toEqual(['business', 'industry', 'services', 'phone', 'greeting', 'branding', 'website', 'plan']);
    expect(nextStep('plan')).toBeNull();
    expect(previousStep('business')).toBeNull();
    expect(nextStep('greeting')).toBe('branding');
  });
});
