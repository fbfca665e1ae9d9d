import { expect } from 'vitest';
import type { OnboardingStepName } from '../domain/inputs/onboarding.ts';
import type { OnboardingProgress } from '../domain/onboarding/steps.ts';
import { GOOD_PASSWORD, newEmail } from './account-fixtures.ts';
import type { TestApp } from './app-harness.ts';
import { uniqueId } from './stack.ts';

// Signing up and walking the onboarding wizard through the API, as the web wizard does.

export interface Signed {
  tenantId: string;
  token: string;
  email: string;
}

export async function signUp(t: TestApp, businessName = `Fresh Start ${uniqueId('biz').slice(-5)}`): Promise<Signed> {
  const email = newEmail('owner');
  const response = await t.call('POST', '/api/signup', { body: { email, password: GOOD_PASSWORD, businessName } });
  expect(response.status, await response.clone().text()).toBe(201);
  const { tenantId, token } = (await response.json()) as { tenantId: string; token: string };
  return { tenantId, token, email };
}

export const putStep = (t: TestApp, who: Signed, step: string, body: unknown) => t.call('PUT', `/api/tenants/${who.tenantId}/onboarding/${step}`, { token: who.token, body });

export async function progressOf(t: TestApp, who: Signed): Promise<OnboardingProgress> {
  const response = await t.call('GET', `/api/tenants/${who.tenantId}/onboarding`, { token: who.token });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as OnboardingProgress;
}

/** A free number in the fake's 918 area code, as the wizard's number search offers it. */
export async function availableNumber(t: TestApp, who: Signed, areaCode = '918'): Promise<string> {
  const response = await t.call('GET', `/api/tenants/${who.tenantId}/onboarding/available-numbers?areaCode=${areaCode}`, { token: who.token });
  expect(response.status, await response.clone().text()).toBe(200);
  const { numbers } = (await response.json()) as { numbers: { phoneNumber: string }[] };
  expect(numbers.length).toBeGreaterThan(0);
  return numbers[Math.floor(Math.random() * numbers.length)]!.phoneNumber;
}

/** Every step's body, valid; `overrides` replaces whole steps. */
export function wizardAnswers(who: Signed, overrides: Partial<Record<OnboardingStepName, unknown>> = {}): Record<OnboardingStepName, unknown> {
  return {
    business: { businessName: 'Fresh Start Detailing', slug: who.tenantId, ownerName: 'Dana Owner', ownerPhone: '(918) 555-0177', timeZone: 'America/Chicago', serviceArea: 'Tulsa and 20 miles around' },
    industry: { pack: 'auto-detailing' },
    services: { services: [{ name: 'Full detail', durationMinutes: 180, priceCents: 19_900 }, { name: 'Express wash', durationMinutes: 45, priceCents: 4_900 }] },
    phone: { phoneNumber: '+19185550100' },
    greeting: { greetingText: 'Thanks for calling Fresh Start Detailing!', infoText: 'We come to you: full details from $199, express washes from $49.' },
    branding: { primaryColor: '#0f766e' },
    website: { template: 'classic' },
    plan: { tier: 'pro' },
    ...overrides,
  };
}

/** Sends every step (200 each) and returns the last progress. */
export async function completeSteps(t: TestApp, who: Signed, answers: Record<OnboardingStepName, unknown>): Promise<OnboardingProgress> {
  let progress: OnboardingProgress | undefined;
  for (const [step, body] of Object.entries(answers)) {
    const response = await putStep(t, who, step, body);
    expect(response.status, `${step}: ${await response.clone().text()}`).toBe(200);
    progress = (await response.json()) as OnboardingProgress;
  }
  return progress!;
}

export const finish = (t: TestApp, who: Signed) => t.call('POST', `/api/tenants/${who.tenantId}/onboarding/finish`, { token: who.token });
