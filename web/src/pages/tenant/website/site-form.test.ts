import { describe, expect, it } from 'vitest';
import type { OwnerSite } from '../../../api/types.ts';
import { formValues, siteChanges, siteForm } from './site-form.ts';

const site = {
  template: 'bold',
  content: { headline: 'Lawns you will love', photos: [], testimonials: [{ name: 'Ann', quote: 'Great work, on time.', rating: 5 }], policies: {}, hiddenSections: ['faqs'] },
  customDomain: null,
  customDomainLocked: 'A custom website domain is part of the Elite plan — upgrade to use it.',
} as unknown as OwnerSite;

describe('the website editor form', () => {
  it('round-trips the saved site: blank texts mean "use the pack", boxes become the hidden list, a locked domain is not sent', () => {
    const values = formValues(site);
    expect(values.shown).not.toContain('faqs');
    values.content.tagline = '   ';
    values.shown = values.shown.filter((id) => id !== 'photos');
    const checked = siteForm.parse(values);
    const changes = siteChanges(checked, site);
    expect(changes).toEqual({
      template: 'bold',
      content: expect.objectContaining({ headline: 'Lawns you will love', tagline: undefined, testimonials: [{ name: 'Ann', quote: 'Great work, on time.', rating: 5 }], hiddenSections: ['photos', 'faqs'] }),
    });
  });

  it('says what to fix in the owner’s words', () => {
    const values = formValues(site);
    values.content.photos = [{ url: 'javascript:alert(1)', alt: 'x' }];
    const result = siteForm.safeParse(values);
    expect(result.success).toBe(false);
    expect([...new Set(result.error?.issues.map((issue) => issue.message))]).toEqual(['Use a web address that starts with https://', 'Photo description must be at least 3 characters']);
  });
});
