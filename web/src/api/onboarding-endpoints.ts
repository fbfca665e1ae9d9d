// The calls of signing up and the setup wizard: /api/signup and /api/tenants/:tenantId/onboarding.
import { apiRequest } from './client.ts';
import type { AvailableNumber, IndustryPackChoice, OnboardingProgress, OnboardingStep, SignupAnswer, SiteTemplate } from './types.ts';

const onboarding = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/onboarding`;

export function signUp(input: { email: string; password: string; businessName: string }): Promise<SignupAnswer> {
  return apiRequest<SignupAnswer>('/api/signup', { method: 'POST', body: input, auth: false });
}

export const fetchOnboarding = (tenantId: string, signal?: AbortSignal) => apiRequest<OnboardingProgress>(onboarding(tenantId), { signal });

/** Saves one step; the answer is the progress after it (400 with `fields` when a value will not do). */
export const saveOnboardingStep = (tenantId: string, step: OnboardingStep, values: unknown) =>
  apiRequest<OnboardingProgress>(`${onboarding(tenantId)}/${step}`, { method: 'PUT', body: values });

/** Starts (or retries) provisioning: 202, then the progress shows each provisioning step. */
export const finishOnboarding = (tenantId: string) => apiRequest<OnboardingProgress>(`${onboarding(tenantId)}/finish`, { method: 'POST' });

export async function searchNumbers(tenantId: string, areaCode: string, signal?: AbortSignal): Promise<AvailableNumber[]> {
  return (await apiRequest<{ numbers: AvailableNumber[] }>(`${onboarding(tenantId)}/available-numbers?areaCode=${encodeURIComponent(areaCode)}`, { signal })).numbers;
}

export async function fetchIndustryPacks(signal?: AbortSignal): Promise<IndustryPackChoice[]> {
  return (await apiRequest<{ packs: IndustryPackChoice[] }>('/api/industry-packs', { signal, auth: false })).packs;
}

/** The website's front page in `template`, as HTML (with what the business has so far). */
export const fetchSitePreview = (tenantId: string, template: string, signal?: AbortSignal) =>
  apiRequest<string>(`/api/tenants/${encodeURIComponent(tenantId)}/site/preview`, { method: 'POST', body: { template }, signal, as: 'text' });

export async function fetchSiteTemplates(signal?: AbortSignal): Promise<SiteTemplate[]> {
  return (await apiRequest<{ templates: SiteTemplate[] }>('/api/site-templates', { signal })).templates;
}
