import { z } from 'zod';
import { customDomainInput } from '../../../../../domain/inputs/site.ts';
import { SITE_SECTION_IDS, siteContentSchema, type SiteSection } from '../../../../../domain/sites/content.ts';
import { SITE_TEMPLATE_IDS } from '../../../../../domain/sites/templates.ts';
import type { OwnerSite, SiteContentInput, SiteUpdateInput } from '../../../api/types.ts';

// The website editor's form: the API's own content schema (domain/sites/content.ts), with the
// sections as "show these" boxes rather than the stored "hidden" list, and a blank domain as none.

export const siteForm = z.object({
  template: z.enum(SITE_TEMPLATE_IDS),
  content: siteContentSchema.omit({ hiddenSections: true }),
  shown: z.array(z.enum(SITE_SECTION_IDS)),
  customDomain: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), customDomainInput.nullable()),
});
export type CheckedSiteForm = z.output<typeof siteForm>;

export interface SiteFormValues {
  template: string;
  content: {
    headline: string;
    tagline: string;
    about: string;
    callToAction: string;
    serviceArea: string;
    address: string;
    contactEmail: string;
    photos: { url: string; alt: string }[];
    testimonials: { name: string; quote: string; rating: string }[];
    /** Not edited here yet: carried through a save unchanged. */
    faqs?: SiteContentInput['faqs'];
    policies?: SiteContentInput['policies'];
  };
  shown: string[];
  customDomain: string;
}

export function formValues(site: OwnerSite): SiteFormValues {
  const c = site.content;
  return {
    template: site.template,
    content: {
      headline: c.headline ?? '',
      tagline: c.tagline ?? '',
      about: c.about ?? '',
      callToAction: c.callToAction ?? '',
      serviceArea: c.serviceArea ?? '',
      address: c.address ?? '',
      contactEmail: c.contactEmail ?? '',
      photos: c.photos.map((photo) => ({ ...photo })),
      testimonials: c.testimonials.map((review) => ({ name: review.name, quote: review.quote, rating: review.rating ? String(review.rating) : '' })),
      ...(c.faqs ? { faqs: c.faqs } : {}),
      policies: c.policies,
    },
    shown: SITE_SECTION_IDS.filter((id) => !c.hiddenSections.includes(id)),
    customDomain: site.customDomain ?? '',
  };
}

/** The content the API stores, from checked form values. */
export function contentOf(checked: Pick<CheckedSiteForm, 'content' | 'shown'>): SiteContentInput {
  return { ...checked.content, hiddenSections: SITE_SECTION_IDS.filter((id: SiteSection) => !checked.shown.includes(id)) };
}

/** What a save sends: the template and content always, the domain only when the plan has it. */
export function siteChanges(checked: CheckedSiteForm, site: OwnerSite): SiteUpdateInput {
  return {
    template: checked.template,
    content: contentOf(checked) as SiteUpdateInput['content'],
    ...(site.customDomainLocked ? {} : { customDomain: checked.customDomain }),
  };
}
