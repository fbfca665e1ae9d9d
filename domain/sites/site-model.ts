import { fillPackText, industryPack, type IndustryPack } from '../industry-packs/index.ts';
import { phoneLabel } from '../phone.ts';
import type { TenantStatus, TenantTier } from '../tenancy.ts';
import { hasFeature } from '../tiers.ts';
import { paletteFor, type Palette } from './colours.ts';
import { readSiteContent, type SiteContent, type SiteSection } from './content.ts';
import { siteHours, type SiteHours } from './hours.ts';
import { effectiveTemplate, isSiteTemplateId, type SiteTemplateId } from './templates.ts';

// Everything a website shows, in one plain object: the tenant's rows as the API read them, with the
// owner's edits laid over the industry pack's copy. Pure (no I/O), so every template and every
// test renders from exactly the same facts.

/** What the API reads for one site (tenant_config, tenant_phone_config, services, tenant_sites). */
export interface SiteFacts {
  tenantId: string;
  slug: string;
  businessName: string;
  industry: string | null;
  /** Where the business works, as the owner wrote it at signup (the site's own text wins). */
  serviceArea: string | null;
  logoUrl: string | null;
  primaryColor: string | null;
  tier: TenantTier;
  status: TenantStatus;
  phoneNumber: string | null;
  timeZone: string;
  businessHours: unknown;
  services: { id: string; name: string; description: string | null; priceCents: number; durationMin: number }[];
  site: { template: string | null; content: unknown; publishedAt: Date | null; customDomain: string | null } | null;
}

export interface SiteService {
  id: string;
  name: string;
  description: string | null;
  priceCents: number;
  /** "$79", or "from $149" when the pack prices it by size or condition. */
  price: string;
  duration: string;
}

export interface SiteModel {
  tenantId: string;
  slug: string;
  businessName: string;
  logoUrl: string | null;
  palette: Palette;
  template: SiteTemplateId;
  pack: Pick<IndustryPack, 'id' | 'name' | 'schemaOrgType' | 'asset'>;
  /** The number to call and text, E.164 and as people read it. */
  phone: { e164: string; label: string } | null;
  email: string | null;
  address: string | null;
  headline: string;
  tagline: string;
  about: string;
  callToAction: string;
  services: SiteService[];
  /** "$79–$899" for search engines and the hero, null when nothing is priced. */
  priceRange: string | null;
  hours: SiteHours | null;
  serviceArea: string | null;
  faqs: { question: string; answer: string }[];
  policies: { title: string; text: string }[];
  testimonials: SiteContent['testimonials'];
  photos: SiteContent['photos'];
  shows: (section: SiteSection) => boolean;
  /** Suspended: the site stays up with the number, but takes no requests. */
  takesRequests: boolean;
  published: boolean;
  /** Elite only (domain/tiers.ts customDomain): the host the owner pointed here, or null. */
  customDomain: string | null;
}

export function formatPrice(cents: number): string {
  const dollars = cents / 100;
  return `$${dollars.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(dollars) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

function siteServices(facts: SiteFacts, pack: IndustryPack): SiteService[] {
  // The services table has no "from" flag; a service still named as in the pack keeps the pack's.
  const fromByName = new Map(pack.services.map((service) => [service.name.toLowerCase(), service.priceIsFrom]));
  return facts.services.map((service) => {
    const from = fromByName.get(service.name.toLowerCase()) ?? false;
    const price = service.priceCents > 0 ? `${from ? 'from ' : ''}${formatPrice(service.priceCents)}` : 'Ask for a quote';
    return { id: service.id, name: service.name, description: service.description, priceCents: service.priceCents, price, duration: durationLabel(service.durationMin) };
  });
}

function priceRangeOf(services: SiteService[]): string | null {
  const prices = services.map((service) => service.priceCents).filter((cents) => cents > 0);
  if (prices.length === 0) return null;
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? formatPrice(low) : `${formatPrice(low)}–${formatPrice(high)}`;
}

/** A phone number that never wraps across lines: no-break spaces and hyphens. */
export const unbreakable = (label: string) => label.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');

/** https addresses only: a stored logo that is anything else (javascript:, data:, http:) is not shown. */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function buildSite(facts: SiteFacts, now: Date, preview?: { template?: string; content?: unknown }): SiteModel {
  const pack = industryPack(facts.industry);
  const { content } = readSiteContent(preview?.content ?? facts.site?.content);
  const fill = (text: string) => fillPackText(text, { business: facts.businessName, phone: facts.phoneNumber ? phoneLabel(facts.phoneNumber) : undefined });
  const services = siteServices(facts, pack);
  const hidden = new Set(content.hiddenSections);
  const policies = [
    { title: 'Weather', text: content.policies.weather ?? pack.policies.weather },
    { title: 'Cancellations', text: content.policies.cancellation ?? pack.policies.cancellation },
    { title: 'Deposits', text: content.policies.deposit ?? pack.policies.deposit },
  ].map((policy) => ({ ...policy, text: fill(policy.text) }));
  return {
    tenantId: facts.tenantId,
    slug: facts.slug,
    businessName: facts.businessName,
    logoUrl: safeImageUrl(facts.logoUrl),
    palette: paletteFor(facts.primaryColor),
    // A preview shows any template, so an owner sees what an upgrade would bring; the live site only its plan's.
    template: preview?.template && isSiteTemplateId(preview.template) ? preview.template : effectiveTemplate(facts.tier, facts.site?.template),
    pack: { id: pack.id, name: pack.name, schemaOrgType: pack.schemaOrgType, asset: pack.asset },
    phone: facts.phoneNumber ? { e164: facts.phoneNumber, label: unbreakable(phoneLabel(facts.phoneNumber)) } : null,
    email: content.contactEmail ?? null,
    address: content.address ?? null,
    headline: content.headline ?? fill(pack.website.headline),
    tagline: content.tagline ?? fill(pack.website.tagline),
    about: content.about ?? fill(pack.website.about),
    callToAction: content.callToAction ?? fill(pack.website.callToAction),
    services,
    priceRange: priceRangeOf(services),
    hours: siteHours(facts.businessHours, facts.timeZone, now),
    serviceArea: content.serviceArea ?? facts.serviceArea ?? null,
    faqs: (content.faqs ?? pack.faqs).map((faq) => ({ question: fill(faq.question), answer: fill(faq.answer) })),
    policies,
    testimonials: content.testimonials,
    photos: content.photos,
    shows: (section) => !hidden.has(section),
    takesRequests: facts.status !== 'suspended',
    published: facts.site?.publishedAt != null,
    customDomain: facts.site?.customDomain && hasFeature(facts.tier, 'customDomain') ? facts.site.customDomain : null,
  };
}
