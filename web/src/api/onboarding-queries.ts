// What the signup wizard reads, as TanStack Query options (the app's defaults are in query-client.ts).
import { queryOptions } from '@tanstack/react-query';
import { fetchIndustryPacks, fetchOnboarding, fetchSitePreview, fetchSiteTemplates, searchNumbers } from './onboarding-endpoints.ts';
import type { OnboardingProgress } from './types.ts';

/** How often the wizard asks for news while the business is being set up. */
export const PROVISIONING_POLL_MS = 1_000;

export const onboardingKeys = {
  progress: (tenantId: string) => ['tenant', tenantId, 'onboarding'] as const,
  numbers: (tenantId: string, areaCode: string) => ['tenant', tenantId, 'onboarding', 'numbers', areaCode] as const,
  packs: ['industry-packs'] as const,
  templates: ['site-templates'] as const,
  sitePreview: (tenantId: string, template: string) => ['tenant', tenantId, 'site', 'preview', template] as const,
};

/** The wizard's progress and everything entered so far; asked every second while provisioning runs. */
export const onboardingQuery = (tenantId: string) =>
  queryOptions({
    queryKey: onboardingKeys.progress(tenantId),
    queryFn: ({ signal }) => fetchOnboarding(tenantId, signal),
    refetchInterval: (query) => (isProvisioning(query.state.data) ? PROVISIONING_POLL_MS : false),
  });

export const isProvisioning = (progress: OnboardingProgress | undefined) => progress?.status === 'provisioning';

/** Numbers for sale in an area code: a fresh search each time it is asked (numbers sell out). */
export const availableNumbersQuery = (tenantId: string, areaCode: string) =>
  queryOptions({ queryKey: onboardingKeys.numbers(tenantId, areaCode), queryFn: ({ signal }) => searchNumbers(tenantId, areaCode, signal), staleTime: 0, enabled: /^\d{3}$/.test(areaCode) });

/** The trades and the website templates change only with a new version of ServicePro. */
export const industryPacksQuery = () => queryOptions({ queryKey: onboardingKeys.packs, queryFn: ({ signal }) => fetchIndustryPacks(signal), staleTime: Infinity });
export const siteTemplatesQuery = () => queryOptions({ queryKey: onboardingKeys.templates, queryFn: ({ signal }) => fetchSiteTemplates(signal), staleTime: Infinity });

/** The front page in a template: asked once per template while the owner flips through them. */
export const sitePreviewQuery = (tenantId: string, template: string) =>
  queryOptions({ queryKey: onboardingKeys.sitePreview(tenantId, template), queryFn: ({ signal }) => fetchSitePreview(tenantId, template, signal), enabled: template !== '', staleTime: 60_000, retry: false });
