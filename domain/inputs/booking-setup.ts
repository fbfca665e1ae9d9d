import { z } from 'zod';
import { WEEKDAYS, type WeeklyHours } from '../weekly-hours.ts';
import { dayNumber } from '../booking/availability.ts';
import { businessHoursInput } from './phone-settings.ts';
import { blankToNull } from './phone-number.ts';

// What a business owner sends to set up what can be booked (the "Services & hours" page):
// services, the team members, vans and bays that do them, their time off, and the booking rules.
// Money is whole cents; the page turns the dollars people type into cents before sending.
// Messages are written for the owner who reads them under the field.

export const SERVICE_LIMITS = { nameMax: 80, descriptionMax: 500, durationMin: 5, durationMax: 720, bufferMax: 240, priceMaxCents: 10_000_000 } as const;
export const RULE_LIMITS = {
  slotIntervalMin: [5, 240],
  minNoticeMin: [0, 10_080],
  maxAdvanceDays: [1, 730],
  cancellationWindowHours: [0, 168],
} as const;
export const RESOURCE_KINDS = ['technician', 'van', 'bay'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label} must be a number of ${unit}` })
    .int(`${label} must be a whole number of ${unit}`)
    .min(min, `${label} must be ${min}–${max} ${unit}`)
    .max(max, `${label} must be ${min}–${max} ${unit}`);

const cents = (label: string) =>
  z
    .number({ error: `${label} must be an amount` })
    .int(`${label} must be in whole cents`)
    .min(0, `${label} can’t be negative`)
    .max(SERVICE_LIMITS.priceMaxCents, `${label} must be under $100,000`);

const name = (what: string) =>
  z
    .string({ error: `Give the ${what} a name` })
    .trim()
    .min(1, `Give the ${what} a name`)
    .max(SERVICE_LIMITS.nameMax, `The name must be ${SERVICE_LIMITS.nameMax} characters or fewer`);

const uuid = (message: string) => z.uuid({ error: message });

const serviceFields = {
  name: name('service'),
  description: z.preprocess(blankToNull, z.string({ error: 'The description must be text' }).trim().max(SERVICE_LIMITS.descriptionMax, `The description must be ${SERVICE_LIMITS.descriptionMax} characters or fewer`).nullable()),
  durationMin: wholeNumber('How long it takes', SERVICE_LIMITS.durationMin, SERVICE_LIMITS.durationMax, 'minutes'),
  priceCents: cents('The price'),
  bufferBeforeMin: wholeNumber('Time before', 0, SERVICE_LIMITS.bufferMax, 'minutes'),
  bufferAfterMin: wholeNumber('Time after', 0, SERVICE_LIMITS.bufferMax, 'minutes'),
  depositCents: cents('The deposit'),
  active: z.boolean({ error: 'active must be true or false' }),
  /** Who can do it; an empty list = every active team member or van. */
  resourceIds: z.array(uuid('Choose team members and vans from the list'), { error: 'resourceIds must be a list of ids' }).max(200),
};

const depositWithinPrice = (service: { priceCents?: number; depositCents?: number }, ctx: z.RefinementCtx) => {
  if (service.priceCents !== undefined && service.depositCents !== undefined && service.depositCents > service.priceCents) {
    ctx.addIssue({ code: 'custom', path: ['depositCents'], message: 'The deposit can’t be more than the price' });
  }
};

const unknownField = { error: (issue: { code: string; keys?: string[] }) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys?.join(', ')}` : undefined) };

export const serviceCreateInput = z
  .strictObject(
    {
      ...serviceFields,
      description: serviceFields.description.default(null),
      bufferBeforeMin: serviceFields.bufferBeforeMin.default(0),
      bufferAfterMin: serviceFields.bufferAfterMin.default(0),
      depositCents: serviceFields.depositCents.default(0),
      active: serviceFields.active.default(true),
      resourceIds: serviceFields.resourceIds.default([]),
    },
    unknownField,
  )
  .superRefine(depositWithinPrice);

/** Only what is sent changes; the deposit is checked against the price as it will be (in the API). */
export const serviceUpdateInput = z
  .strictObject(
    Object.fromEntries(Object.entries(serviceFields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof typeof serviceFields]: z.ZodOptional<(typeof serviceFields)[K]> },
    unknownField,
  )
  .superRefine(depositWithinPrice);

export type ServiceCreateInput = z.infer<typeof serviceCreateInput>;
export type ServiceUpdateInput = z.infer<typeof serviceUpdateInput>;

/** A resource's own week: at least one working time (a resource that never works is deactivated instead). */
const ownHours = businessHoursInput.refine((hours) => WEEKDAYS.some((day) => (hours[day]?.length ?? 0) > 0), 'Add at least one working time, or choose “Same as business hours”');

const resourceFields = {
  name: name('team member or van'),
  kind: z.enum(RESOURCE_KINDS, { error: 'Choose person, van or bay' }),
  /** null = the business hours. */
  weeklyHours: ownHours.nullable() as z.ZodType<WeeklyHours | null>,
  active: z.boolean({ error: 'active must be true or false' }),
};

export const resourceCreateInput = z.strictObject(
  { ...resourceFields, kind: resourceFields.kind.default('technician'), weeklyHours: resourceFields.weeklyHours.default(null), active: resourceFields.active.default(true) },
  unknownField,
);
export const resourceUpdateInput = z.strictObject(
  Object.fromEntries(Object.entries(resourceFields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof typeof resourceFields]: z.ZodOptional<(typeof resourceFields)[K]> },
  unknownField,
);
export type ResourceCreateInput = z.infer<typeof resourceCreateInput>;
export type ResourceUpdateInput = z.infer<typeof resourceUpdateInput>;

const localDate = (label: string) =>
  z.string({ error: `${label} is a date like 2026-12-14` }).refine((value) => dayNumber(value) !== null, `${label} must be a real date, like 2026-12-14`);
const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time like 2026-12-14T09:00:00-06:00` }).transform((value) => new Date(value));
const reason = z.preprocess(blankToNull, z.string({ error: 'The reason must be text' }).trim().max(200, 'The reason must be 200 characters or fewer').nullable()).default(null);

/**
 * Time off as an owner says it: whole days on the business's clock (`from`…`through`, both
 * included), or exact instants (`startsAt`…`endsAt`, for "the van is in the shop until 2 pm").
 */
const timeOffDays = z
  .strictObject({ from: localDate('The first day off'), through: localDate('The last day off'), reason }, unknownField)
  .refine((days) => days.through >= days.from, { path: ['through'], message: 'The last day off can’t be before the first' });
const timeOffRange = z
  .strictObject({ startsAt: instant('The start'), endsAt: instant('The end'), reason }, unknownField)
  .refine((range) => range.endsAt > range.startsAt, { path: ['endsAt'], message: 'The end must be after the start' });

/** Which of the two shapes a body means: days when it names a day, else instants — so its field messages are that shape's. */
export const timeOffInput = z.unknown().transform((body, ctx): z.output<typeof timeOffDays> | z.output<typeof timeOffRange> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    ctx.addIssue({ code: 'custom', message: 'Give the days off as {from, through} (dates like 2026-12-14), or {startsAt, endsAt}' });
    return z.NEVER;
  }
  const parsed = ('from' in body || 'through' in body ? timeOffDays : timeOffRange).safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path, message: issue.message } as never);
  return z.NEVER;
});
export type TimeOffInput = z.infer<typeof timeOffInput>;

const rule = (label: string, [min, max]: readonly [number, number], unit: string) => wholeNumber(label, min, max, unit);

/** PUT /booking-settings: the whole set of rules an owner sees (how long holds last stays as it is). */
export const bookingSettingsInput = z.strictObject(
  {
    slotIntervalMin: rule('Start times every', RULE_LIMITS.slotIntervalMin, 'minutes'),
    minNoticeMin: rule('Notice', RULE_LIMITS.minNoticeMin, 'minutes'),
    maxAdvanceDays: rule('How far ahead', RULE_LIMITS.maxAdvanceDays, 'days'),
    cancellationWindowHours: rule('Cancellation window', RULE_LIMITS.cancellationWindowHours, 'hours'),
    cancellationFeeCents: cents('The late-cancellation fee'),
    depositsEnabled: z.boolean({ error: 'depositsEnabled must be true or false' }),
    remindersEnabled: z.boolean({ error: 'remindersEnabled must be true or false' }),
    reviewUrl: z.preprocess(
      blankToNull,
      z.url({ protocol: /^https$/, error: 'The review link must be a web address starting with https://' }).max(2_000, 'The review link is too long').nullable(),
    ),
  },
  unknownField,
);
export type BookingSettingsInput = z.infer<typeof bookingSettingsInput>;
