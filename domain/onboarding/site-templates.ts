import { SITE_TEMPLATE_IDS } from '../sites/templates.ts';

// The website templates the onboarding wizard's website step accepts: the website generator's own
// list (domain/sites/templates.ts, served at `GET /api/site-templates`). The first is the one
// template of the Starter plan (domain/tiers.ts `allTemplates`).
export const ONBOARDING_SITE_TEMPLATES = SITE_TEMPLATE_IDS;
export type OnboardingSiteTemplate = (typeof ONBOARDING_SITE_TEMPLATES)[number];
