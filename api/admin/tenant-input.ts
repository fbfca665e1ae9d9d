import { z } from 'zod';
import { toE164 } from '../../domain/phone.ts';
import { INDUSTRIES, TENANT_ID_PATTERN, TENANT_TIERS } from '../../domain/tenancy.ts';

const phoneNumber = z
  .string({ error: 'Phone number must be text, like +19185550123' })
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) ctx.addIssue({ code: 'custom', message: 'Enter a valid phone number, like +19185550123' });
    return e164 ?? value;
  });

const tier = z.enum(TENANT_TIERS, { error: 'Tier must be one of: starter, pro, elite' });
const businessName = z
  .string({ error: 'Business name is required' })
  .trim()
  .min(1, 'Business name is required')
  .max(120, 'Business name must be 120 characters or fewer');
const industry = z.enum(INDUSTRIES.map((i) => i.value) as [string, ...string[]], { error: `Industry must be one of: ${INDUSTRIES.map((i) => i.value).join(', ')}` });
const primaryColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #2563eb');
const logoUrl = z.url({ error: 'Logo must be a web address (https://…)' });

export const createTenantInput = z.strictObject(
  {
    id: z
      .string()
      .trim()
      .toLowerCase()
      .regex(TENANT_ID_PATTERN, 'Tenant id: 3–40 lowercase letters, digits or hyphens, starting and ending with a letter or digit')
      .optional(),
    businessName,
    tier,
    phoneNumber: phoneNumber.optional(),
    industry: industry.optional(),
    primaryColor: primaryColor.optional(),
    logoUrl: logoUrl.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}` : undefined) },
);

export const updateTenantInput = z
  .strictObject(
    {
      businessName: businessName.optional(),
      tier: tier.optional(),
      phoneNumber: phoneNumber.nullable().optional(),
      industry: industry.nullable().optional(),
      primaryColor: primaryColor.optional(),
      logoUrl: logoUrl.nullable().optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}` : undefined) },
  )
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change: send at least one field' });

export type CreateTenantInput = z.output<typeof createTenantInput>;
export type UpdateTenantInput = z.output<typeof updateTenantInput>;
