import { z } from 'zod';
import { INDUSTRY_PACKS } from '../industry-packs/index.ts';
import { SITE_TEMPLATE_IDS } from '../sites/templates.ts';
import { TENANT_ID_PATTERN, TENANT_TIERS } from '../tenancy.ts';
import { phoneNumberInput } from './phone-number.ts';

// The signup body and each onboarding wizard step's fields (DESIGN.md "Signup and onboarding"). One
// copy of every rule: the web wizard validates with these schemas (zodResolver), and the onboarding
// workflow's update validators run the same ones, so bad input never reaches its history.

export const object = <Shape extends z.core.$ZodLooseShape>(shape: Shape, hint: string) =>
  z.strictObject(shape, { error: (issue: { code?: string; keys?: string[] }) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys?.join(', ')}` : `Send a JSON object: ${hint}`) });

const words = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label}: write at least ${min} characters`)
    .max(max, `${label}: use at most ${max} characters`);

export const businessName = words('Business name', 1, 120);

// The signup body is in ./signup.ts: the password rule's dictionary (~220 KB gzipped) stays out of the wizard's steps.

/** A time zone the browser and the server both know ("America/Chicago"). */
const timeZone = z.string({ error: 'Choose your time zone' }).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}, 'Choose your time zone from the list, like America/Chicago');

export const slugInput = z
  .string({ error: 'Choose a web address for your business' })
  .trim()
  .toLowerCase()
  .regex(TENANT_ID_PATTERN, 'Web address: 3–40 lowercase letters, numbers or hyphens, starting and ending with a letter or number (for example: sunny-lawns)');

const business = object(
  {
    businessName,
    slug: slugInput,
    ownerName: words('Your name', 1, 120),
    /** Where reminders and the welcome text go; optional (then email only). */
    ownerPhone: phoneNumberInput('Your mobile number').optional(),
    timeZone,
    serviceArea: words('Service area', 2, 200),
  },
  '{ "businessName", "slug", "ownerName", "ownerPhone", "timeZone", "serviceArea" }',
);

const packIds = INDUSTRY_PACKS.map((pack) => pack.id) as [string, ...string[]];
const industry = object({ pack: z.enum(packIds, { error: `Choose your trade: one of ${packIds.join(', ')}` }) }, '{ "pack": "…" }');

export const serviceInput = z.strictObject({
  name: words('Service name', 3, 60),
  durationMinutes: z.int({ error: 'Duration: whole minutes, 15 to 600' }).min(15, 'Duration: at least 15 minutes').max(600, 'Duration: at most 600 minutes (10 hours)'),
  priceCents: z.int({ error: 'Price: a whole number of cents, like 14900 for $149' }).min(0, 'Price cannot be negative').max(1_000_000, 'Price: at most $10,000'),
});
const services = object({ services: z.array(serviceInput, { error: 'List your services' }).min(1, 'Add at least one service').max(30, 'At most 30 services here; add more later') }, '{ "services": [{ "name", "durationMinutes", "priceCents" }] }');

/** A number from the available-numbers search, or (Starter) the owner's own number, forwarded to one we give them. */
const phone = object({ phoneNumber: phoneNumberInput('Business number').optional(), forwardExisting: phoneNumberInput('Your current business number').optional() }, '{ "phoneNumber": "+1…" } or { "forwardExisting": "+1…" }').superRefine((value, ctx) => {
  if ((value.phoneNumber === undefined) === (value.forwardExisting === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['phoneNumber'], message: 'Choose one: a new number from the list, or keep your current number (Starter)' });
  }
});

const greeting = object({ greetingText: words('Greeting', 10, 300), infoText: words('Info message', 20, 480) }, '{ "greetingText", "infoText" }');

const branding = object(
  {
    primaryColor: z.string({ error: 'Choose a colour' }).regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #2563eb'),
    logoUrl: z.url({ protocol: /^https$/, error: 'Logo: a web address starting with https://' }).max(2_000, 'Logo address is too long').optional(),
  },
  '{ "primaryColor": "#2563eb", "logoUrl"?: "https://…" }',
);

const website = object({ template: z.enum(SITE_TEMPLATE_IDS, { error: `Choose a template: one of ${SITE_TEMPLATE_IDS.join(', ')}` }) }, '{ "template": "…" }');

const plan = object({ tier: z.enum(TENANT_TIERS, { error: `Choose a plan: one of ${TENANT_TIERS.join(', ')}` }) }, '{ "tier": "starter" | "pro" | "elite" }');

/** Each step's schema, in the wizard's order (domain/onboarding/steps.ts names them). */
export const onboardingStepInputs = { business, industry, services, phone, greeting, branding, website, plan } as const;

export type OnboardingStepName = keyof typeof onboardingStepInputs;
/** What each step stores once valid (phone numbers in E.164, names trimmed). */
export type OnboardingValues = { [S in OnboardingStepName]: z.output<(typeof onboardingStepInputs)[S]> };
/** What a form or request sends for each step. */
export type OnboardingStepInput<S extends OnboardingStepName> = z.input<(typeof onboardingStepInputs)[S]>;

/** `GET …/onboarding/available-numbers?areaCode=NNN`: a US area code. */
export const areaCodeQuery = z.strictObject({ areaCode: z.string({ error: 'Give a 3-digit area code, like 918' }).regex(/^[2-9]\d{2}$/, 'Area code: 3 digits, like 918') });
