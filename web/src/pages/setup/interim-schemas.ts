// INTERIM: stand-ins for domain/inputs/onboarding.ts (built in i-onboard) until that branch is merged.
import { z } from 'zod';
import { phoneNumberInput } from '../../../../domain/inputs/phone-number.ts';
import { TENANT_TIERS } from '../../../../domain/tenancy.ts';

const text = (label: string, max: number) => z.string().trim().min(1, `Enter ${label}`).max(max, `Use at most ${max} characters`);

export const businessStep = z.object({
  businessName: text('your business name', 120),
  slug: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, 'Use 3–40 lowercase letters, numbers or hyphens, like sunny-lawns'),
  ownerName: text('your name', 120),
  ownerPhone: phoneNumberInput('Your mobile'),
  timeZone: z.string().min(1, 'Choose your time zone'),
  serviceArea: text('where you work', 200),
});
export const industryStep = z.object({ pack: z.string().min(1, 'Choose the kind of work you do') });
export const servicesStep = z.object({
  services: z.array(z.object({ name: text('a name', 60), durationMinutes: z.number().int().min(15, 'At least 15 minutes').max(600, 'At most 600 minutes'), priceCents: z.number().int().min(0, 'A price of $0 or more').max(1_000_000, 'At most $10,000') })).min(1, 'Add at least one service').max(30, 'At most 30 services'),
});
export const phoneStep = z.union([z.object({ phoneNumber: z.string().min(1, 'Pick a number') }), z.object({ forwardExisting: phoneNumberInput('Your existing number') })]);
export const greetingStep = z.object({ greetingText: text('a greeting', 300), infoText: text('what callers hear after pressing 1', 480) });
export const brandingStep = z.object({ primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #2563eb'), logoUrl: z.url({ error: 'Logo must be a web address (https://…)' }).optional() });
export const websiteStep = z.object({ template: z.string().min(1, 'Pick a design') });
export const planStep = z.object({ tier: z.enum(TENANT_TIERS, { error: 'Choose a plan' }) });
export const SITE_TEMPLATE_IDS = ['classic', 'bold', 'fresh'] as const;
