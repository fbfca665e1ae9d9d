import { hasFeature } from '../tiers.ts';
import { TENANT_TIERS, type TenantTier } from '../tenancy.ts';

// The website templates a business picks from (GET /api/site-templates, the onboarding wizard's
// website step, the owner's editing page). Each is its own layout, not a colour swap; the renderer
// for each lives in api/sites/templates/. Starter has the first one; Pro and Elite have them all
// (domain/tiers.ts `allTemplates`).

export const SITE_TEMPLATE_IDS = ['classic', 'bold', 'split', 'board', 'minimal', 'cards', 'sidebar', 'bands', 'local', 'editorial'] as const;
export type SiteTemplateId = (typeof SITE_TEMPLATE_IDS)[number];

/** The template every plan includes, and the one a site falls back to when its plan no longer has its own. */
export const STARTER_TEMPLATE: SiteTemplateId = 'classic';

const DESCRIPTIONS: Record<SiteTemplateId, { name: string; description: string }> = {
  classic: { name: 'Classic', description: 'A centred welcome, your services in a tidy grid, hours and answers below. Clear and calm.' },
  bold: { name: 'Bold', description: 'A full-colour banner with big type and a price list like a shop window. Loud and confident.' },
  split: { name: 'Split', description: 'Your pitch on one side, a contact card with hours and phone on the other.' },
  board: { name: 'Price board', description: 'A dark page with your prices up front like a menu board — for people who shop by price.' },
  minimal: { name: 'Minimal', description: 'One narrow column of well-set text. Quiet, personal, owner-run.' },
  cards: { name: 'Cards', description: 'Everything in friendly cards on a soft background: services, reviews, answers.' },
  sidebar: { name: 'Sidebar', description: 'Your name, number and hours always at hand in a side column on big screens.' },
  bands: { name: 'Bands', description: 'Full-width coloured bands, one per section, with reviews front and centre.' },
  local: { name: 'Neighbourhood', description: 'Leads with where you work and how it works, step by step — for local trades.' },
  editorial: { name: 'Editorial', description: 'A magazine layout: a large headline, photos side by side and pull-quote reviews.' },
};

export interface SiteTemplateInfo {
  id: SiteTemplateId;
  name: string;
  description: string;
  /** The plans that include it. */
  tiers: TenantTier[];
}

export const isSiteTemplateId = (value: string): value is SiteTemplateId => (SITE_TEMPLATE_IDS as readonly string[]).includes(value);

/** The plans a template comes with: the starter template on every plan, the rest with `allTemplates`. */
export function templateTiers(id: SiteTemplateId): TenantTier[] {
  return TENANT_TIERS.filter((tier) => id === STARTER_TEMPLATE || hasFeature(tier, 'allTemplates'));
}

export const SITE_TEMPLATES: readonly SiteTemplateInfo[] = SITE_TEMPLATE_IDS.map((id) => ({ id, ...DESCRIPTIONS[id], tiers: templateTiers(id) }));

export const templateAllowed = (tier: TenantTier, id: SiteTemplateId): boolean => templateTiers(id).includes(tier);

/** The template a site renders with: its own, or the starter one after a downgrade (the choice is kept for an upgrade). */
export function effectiveTemplate(tier: TenantTier, stored: string | null | undefined): SiteTemplateId {
  return stored && isSiteTemplateId(stored) && templateAllowed(tier, stored) ? stored : STARTER_TEMPLATE;
}
