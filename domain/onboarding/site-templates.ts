// The website templates the onboarding wizard's website step accepts, until the website generator's
// own list (`GET /api/site-templates`, built over tenant_sites) lands: at merge, point this one
// constant at that list. The first is the one template of the Starter plan (domain/tiers.ts `allTemplates`).
export const ONBOARDING_SITE_TEMPLATES = ['classic', 'bold', 'fresh'] as const;
export type OnboardingSiteTemplate = (typeof ONBOARDING_SITE_TEMPLATES)[number];
