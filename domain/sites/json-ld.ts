import { WEEKDAY_NAMES } from '../weekly-hours.ts';
import type { SiteModel } from './site-model.ts';

// The LocalBusiness description search engines read (schema.org, as JSON-LD): the trade's own
// subtype from the industry pack, the phone, hours, area served, price range and the services.

export function localBusiness(site: SiteModel, homeUrl: string): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': site.pack.schemaOrgType,
    '@id': `${homeUrl}#business`,
    name: site.businessName,
    url: homeUrl,
    description: site.tagline,
  };
  if (site.phone) data.telephone = site.phone.e164;
  if (site.email) data.email = site.email;
  if (site.logoUrl) Object.assign(data, { logo: site.logoUrl, image: site.logoUrl });
  else if (site.photos[0]) data.image = site.photos[0].url;
  if (site.priceRange) data.priceRange = site.priceRange;
  if (site.serviceArea) data.areaServed = site.serviceArea;
  if (site.address) data.address = { '@type': 'PostalAddress', streetAddress: site.address };
  if (site.hours) {
    data.openingHoursSpecification = site.hours.rows.flatMap((row) =>
      row.periods.map(([opens, closes]) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: `https://schema.org/${WEEKDAY_NAMES[row.day]}`, opens, closes })),
    );
  }
  if (site.services.length) {
    data.hasOfferCatalog = {
      '@type': 'OfferCatalog',
      name: 'Services',
      itemListElement: site.services.map((service) => ({
        '@type': 'Offer',
        itemOffered: { '@type': 'Service', name: service.name, ...(service.description ? { description: service.description } : {}) },
        ...(service.priceCents > 0 ? { price: (service.priceCents / 100).toFixed(2), priceCurrency: 'USD' } : {}),
      })),
    };
  }
  return data;
}

/**
 * JSON for inside a `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u
 * escapes, so no text an owner typed ("</script><script>…") can end the element early.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
