import { randomUUID } from 'node:crypto';
import type { IndustryPack } from '../domain/industry-packs/index.ts';
import type { SiteContentInput } from '../domain/sites/content.ts';
import type { SiteFacts } from '../domain/sites/site-model.ts';
import type { SiteTemplateId } from '../domain/sites/templates.ts';

// Websites for tests and benchmarks: a business of any pack with its services, hours and the
// owner's edits, and the same business written by someone hostile.

export const SAMPLE_HOURS = {
  mon: [['08:00', '12:00'], ['13:00', '17:30']],
  tue: [['08:00', '17:30']],
  wed: [['08:00', '17:30']],
  thu: [['08:00', '17:30']],
  fri: [['08:00', '16:00']],
  sat: [['09:00', '13:00']],
};

export const SAMPLE_CONTENT: SiteContentInput = {
  serviceArea: 'Tulsa, Broken Arrow and Jenks',
  contactEmail: 'hello@example.com',
  testimonials: [
    { name: 'Maria G.', quote: 'On time, friendly and the result was better than I hoped. Booking took a minute.', rating: 5 },
    { name: 'Dave R.', quote: 'Fair price and they texted me when they were on the way. Will book again.', rating: 4 },
    { name: 'Priya S.', quote: 'Careful, tidy work. They explained everything before they started.' },
  ],
};

/** What an attacker would type into every field the owner controls. */
export const HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>\'';
export const HOSTILE_CONTENT: SiteContentInput = {
  headline: `Best ${HOSTILE}`,
  tagline: `</style><style>body{display:none}</style>${HOSTILE}`,
  about: `</script><script>alert(3)</script> ${HOSTILE} and more words to pass the length rule.`,
  serviceArea: `Tulsa ${HOSTILE}`,
  photos: [{ url: 'https://photos.example.com/a.jpg?x="><script>alert(4)</script>', alt: `A car ${HOSTILE}` }],
  testimonials: [{ name: `Eve ${HOSTILE}`, quote: `Great ${HOSTILE} work, truly.`, rating: 5 }],
  faqs: [{ question: `Why ${HOSTILE}?`, answer: `Because ${HOSTILE}` }],
};

export function siteFacts(pack: IndustryPack, options: { template?: SiteTemplateId; content?: unknown; tier?: SiteFacts['tier']; status?: SiteFacts['status']; businessName?: string; primaryColor?: string; logoUrl?: string | null } = {}): SiteFacts {
  return {
    tenantId: 'sample',
    slug: 'sample',
    businessName: options.businessName ?? `Sunny ${pack.name} Co.`,
    industry: pack.id,
    serviceArea: null,
    logoUrl: options.logoUrl ?? null,
    primaryColor: options.primaryColor ?? '#0f766e',
    tier: options.tier ?? 'pro',
    status: options.status ?? 'active',
    phoneNumber: '+19185550100',
    timeZone: 'America/Chicago',
    businessHours: SAMPLE_HOURS,
    services: pack.services.map((service) => ({ id: randomUUID(), name: service.name, description: service.description, priceCents: service.priceCents, durationMin: service.durationMinutes })),
    site: { template: options.template ?? 'classic', content: options.content ?? SAMPLE_CONTENT, publishedAt: new Date('2026-12-01T00:00:00Z'), customDomain: null },
  };
}

