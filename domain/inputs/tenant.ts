import { z } from 'zod';
import { INDUSTRY_IDS } from '../industry-packs/index.ts';
import { TENANT_ID_PATTERN, TENANT_TIERS } from '../tenancy.ts';
import { emailAddress } from './email.ts';
import { phoneNumberInput } from './phone-number.ts';

// A tenant as the platform owner creates and edits it: POST and PATCH /api/admin/tenants, and the
// "New tenant" / "Edit tenant" form of the root dashboard, which validates with these same rules.

const phoneNumber = phoneNumberInput('Phone number');
const tier = z.enum(TENANT_TIERS, { error: 'Tier must be one of: starter, pro, elite' });
const businessName = z
  .string({ error: 'Business name is required' })
  .trim()
  .min(1, 'Business name is required')
  .max(120, 'Business name must be 120 characters or fewer');
const industry = z.enum(INDUSTRY_IDS, { error: `Industry must be one of: ${INDUSTRY_IDS.join(', ')}` });
const primaryColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #2563eb');
const logoUrl = z.url({ error: 'Logo must be a web address (https://…)' });
const id = z
  .string()
  .trim()
  .toLowerCase()
  .regex(TENANT_ID_PATTERN, 'Tenant id: use 3–40 lowercase letters, numbers or hyphens, starting and ending with a letter or number (for example: sunny-lawns)');

const unknownField = { error: (issue: { code: string; keys?: string[] }) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys?.join(', ')}` : undefined) };

export const createTenantInput = z.strictObject(
  {
    id: id.optional(),
    businessName,
    tier,
    phoneNumber: phoneNumber.optional(),
    industry: industry.optional(),
    primaryColor: primaryColor.optional(),
    logoUrl: logoUrl.optional(),
    /** Invites this person as the business's owner (an email with a link). */
    ownerEmail: emailAddress.optional(),
  },
  unknownField,
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
    unknownField,
  )
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change: send at least one field' });

/**
 * Root's settings the platform owner may not change, and why. Its id and status are not settings
 * at all; its name, industry, colour and logo are its own to edit.
 */
export const ROOT_PROTECTED_FIELDS = {
  tier: 'Root’s plan stays Elite: it runs the platform and is never billed.',
  phoneNumber: 'Root’s business number comes from the ROOT_PHONE_NUMBER setting; change it there and restart.',
} as const satisfies Partial<Record<keyof z.input<typeof updateTenantInput>, string>>;

export type CreateTenantInput = z.output<typeof createTenantInput>;
export type UpdateTenantInput = z.output<typeof updateTenantInput>;

// A form sends every field as text; an empty optional field means "not given" (create) or
// "cleared" (edit), which the page turns into the body above.
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .transform((value) => (value.trim() === '' ? undefined : value))
    .pipe(schema.optional());

/** The New/Edit tenant form: the API's own field rules, blanks for the optional ones allowed. */
export const tenantForm = z.object({
  businessName,
  tier,
  id: optional(id),
  phoneNumber: optional(phoneNumber),
  industry: optional(industry),
  ownerEmail: optional(emailAddress),
});
export type TenantFormInput = z.input<typeof tenantForm>;
export type TenantFormOutput = z.output<typeof tenantForm>;
