import { z } from 'zod';

// The owner's own words and pictures for the website (tenant_sites.content), checked by this schema
// before it is stored and again when it is read: anything the owner left out comes from the
// industry pack when the site renders. The onboarding wizard's website step writes the same shape.

/** The parts of a site an owner can show or hide, in the order the editor lists them. */
export const SITE_SECTIONS = {
  services: 'Services and prices',
  hours: 'Opening hours',
  area: 'Service area',
  about: 'About us',
  photos: 'Photos',
  testimonials: 'Reviews',
  faqs: 'Questions and answers',
  policies: 'Policies',
  booking: 'Booking form',
} as const;
export type SiteSection = keyof typeof SITE_SECTIONS;
export const SITE_SECTION_IDS = Object.keys(SITE_SECTIONS) as [SiteSection, ...SiteSection[]];

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .max(max, `${label} must be ${max} characters or fewer`);

/**
 * A picture's address: https only, so a page served over https never loads mixed content and no
 * `javascript:` or `data:` address ever reaches an `src`.
 */
export const imageAddress = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Use a web address that starts with https://' })
  .max(2_000, 'That web address is too long (2,000 characters at most)');

export const sitePhotoSchema = z.strictObject({
  url: imageAddress,
  /** What the photo shows, for people who cannot see it (and for search engines). */
  alt: text('Photo description', 3, 120),
});

export const testimonialSchema = z.strictObject({
  name: text('Reviewer name', 1, 60),
  quote: text('Review', 10, 500),
  rating: z.int('Rating must be 1 to 5 stars').min(1, 'Rating must be 1 to 5 stars').max(5, 'Rating must be 1 to 5 stars').optional(),
});

export const siteFaqSchema = z.strictObject({ question: text('Question', 5, 160), answer: text('Answer', 5, 600) });

const optionalPolicy = (label: string) => text(label, 10, 600).optional();

export const siteContentSchema = z.strictObject({
  /** The big line at the top; the pack's headline when unset. */
  headline: text('Headline', 5, 90).optional(),
  tagline: text('Tagline', 5, 160).optional(),
  about: text('About text', 20, 1_500).optional(),
  callToAction: text('Button text', 3, 40).optional(),
  /** "Tulsa, Broken Arrow and Jenks": shown on the site and in its LocalBusiness areaServed. */
  serviceArea: text('Service area', 2, 200).optional(),
  /** For a business customers visit; mobile businesses leave it out. */
  address: text('Street address', 5, 200).optional(),
  contactEmail: z.email({ error: 'Enter an email address like you@example.com' }).max(254).optional(),
  photos: z.array(sitePhotoSchema).max(12, 'At most 12 photos').default([]),
  testimonials: z.array(testimonialSchema).max(12, 'At most 12 reviews').default([]),
  /** Replaces the pack's questions when set (an empty list shows none). */
  faqs: z.array(siteFaqSchema).max(15, 'At most 15 questions').optional(),
  /** Each one replaces the pack's policy of that kind. */
  policies: z.strictObject({ weather: optionalPolicy('Weather policy'), cancellation: optionalPolicy('Cancellation policy'), deposit: optionalPolicy('Deposit policy') }).default({}),
  hiddenSections: z
    .array(z.enum(SITE_SECTION_IDS, { error: `Sections are: ${SITE_SECTION_IDS.join(', ')}` }))
    .max(SITE_SECTION_IDS.length)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});

export type SiteContent = z.output<typeof siteContentSchema>;
export type SiteContentInput = z.input<typeof siteContentSchema>;

/**
 * Stored content as the renderer may trust it. The column is written through the schema, but an
 * older or hand-edited row must never take a site down: what fails the schema is dropped whole.
 */
export function readSiteContent(stored: unknown): { content: SiteContent; valid: boolean } {
  const parsed = siteContentSchema.safeParse(stored ?? {});
  return parsed.success ? { content: parsed.data, valid: true } : { content: siteContentSchema.parse({}), valid: false };
}
