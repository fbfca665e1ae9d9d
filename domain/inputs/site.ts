import { z } from 'zod';
import { siteContentSchema } from '../sites/content.ts';
import { SITE_TEMPLATE_IDS } from '../sites/templates.ts';

// The owner's website settings: PUT /api/tenants/:tenantId/site and the website editor in the app
// (react-hook-form over these same schemas). Only what is sent changes; content is replaced whole.

const template = z.enum(SITE_TEMPLATE_IDS, { error: `Template must be one of: ${SITE_TEMPLATE_IDS.join(', ')}` });

/** A host name the owner's DNS points here: `www.sunnylawns.com` (no scheme, port or path). */
export const customDomainInput = z
  .string({ error: 'Enter a domain like www.yourbusiness.com' })
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ''))
  .pipe(z.string().regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a domain like www.yourbusiness.com (no https://, no slashes)'));

export const siteUpdateInput = z
  .strictObject({
    template: template.optional(),
    content: siteContentSchema.optional(),
    published: z.boolean({ error: 'published must be true or false' }).optional(),
    customDomain: customDomainInput.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change: send template, content, published or customDomain' });

export const sitePreviewInput = z.strictObject({ template: template.optional(), content: siteContentSchema.optional() });

export type SiteUpdateInput = z.output<typeof siteUpdateInput>;
