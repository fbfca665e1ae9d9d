import { z } from 'zod';
import { isCountryCode } from '../phone-destinations.ts';
import { SMS_TEXT_MAX, SPOKEN_TEXT_MAX } from '../phone-settings-limits.ts';
import { IVR_MODES } from '../tenancy.ts';
import { MAX_PERIODS_PER_DAY, periodProblems, WEEKDAYS, type Weekday } from '../weekly-hours.ts';
import { blankToNull, optionalPhoneNumberInput } from './phone-number.ts';

// PATCH /api/tenants/:tenantId/phone-settings: every field optional (only what is sent changes);
// `null` clears an optional field. Messages are written for the business owner who reads them.
// The settings pages of the web app validate with these same fields (no Node or Prisma here).

const optionalPhone = optionalPhoneNumberInput;

const text = (label: string, max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `${label} must be text` })
      .trim()
      .max(max, `${label} must be ${max} characters or fewer`)
      .nullable(),
  ).optional();

const period = z.tuple([z.string(), z.string()], { error: 'Each period is an opening and a closing time, like ["08:00", "17:00"]' });

export const businessHoursInput = z
  .strictObject(
    Object.fromEntries(
      WEEKDAYS.map((day) => [day, z.array(period, { error: 'A day is a list of periods' }).max(MAX_PERIODS_PER_DAY, `At most ${MAX_PERIODS_PER_DAY} periods a day`).optional()]),
    ) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof period>>>,
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Days are mon, tue, wed, thu, fri, sat, sun (not ${issue.keys.join(', ')})` : 'Business hours must be an object of days') },
  )
  .superRefine((hours, ctx) => {
    for (const day of WEEKDAYS) {
      for (const problem of periodProblems(hours[day] ?? [])) {
        ctx.addIssue({ code: 'custom', path: [day, problem.index], message: problem.message });
      }
    }
  });

// Intl knows the IANA zones in Node and in every browser (luxon's IANAZone asks it the same).
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};
const timeZone = z.string({ error: 'Time zone must be text, like America/Chicago' }).refine(isTimeZone, 'Choose a time zone from the list, like America/Chicago');

// Where texts go and calls are forwarded, within the platform's SMS_ALLOWED_COUNTRIES (checked on
// save, where the platform's list is known); null = every country the platform allows.
export const countryCodes = z.array(
  z
    .string({ error: 'A country is a two-letter code, like US' })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { error: (issue) => `${String(issue.input)} is not a country code (use two-letter ISO codes, like US or CA)` }),
  { error: 'Allowed countries are a list of country codes, like ["US", "CA"]' },
);

const allowedCountries = countryCodes
  .min(1, 'Choose at least one country, or null for every country the platform allows')
  .max(250)
  .nullable()
  .optional();

const sipDomain = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a domain like clean-machine.sip.twilio.com')
    .nullable(),
).optional();

const sipUsername = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._~+-]{1,64}$/, 'Use up to 64 letters, digits, dots, dashes or underscores')
    .nullable(),
).optional();

// Twilio's rule for SIP credential passwords: 12+ characters with a digit, an upper- and a lower-case letter.
const sipPassword = z
  .string({ error: 'Password must be text' })
  .min(12, 'Use at least 12 characters')
  .max(128, 'Use 128 characters or fewer')
  .refine((pw) => /\d/.test(pw) && /[a-z]/.test(pw) && /[A-Z]/.test(pw), 'Mix upper- and lower-case letters and at least one digit')
  .nullable()
  .optional();

/** Each field's rule, for the API's PATCH body below and for the web app's settings forms. */
export const phoneSettingsFields = {
  forwardingNumber: optionalPhone('Forwarding number'),
  ivrMode: z.enum(IVR_MODES, { error: 'Choose how calls are answered: simple, ivr or ai-voice' }).optional(),
  businessHours: businessHoursInput.nullable().optional(),
  timeZone: timeZone.optional(),
  greetingText: text('Greeting', SPOKEN_TEXT_MAX),
  infoText: text('Info message', SPOKEN_TEXT_MAX),
  afterHoursText: text('After-hours message', SPOKEN_TEXT_MAX),
  infoSmsText: text('Info text message', SMS_TEXT_MAX),
  missedCallText: text('Missed-call text', SMS_TEXT_MAX),
  autoReplyText: text('Auto-reply text', SMS_TEXT_MAX),
  jokesEnabled: z.boolean({ error: 'Jokes must be on or off (true or false)' }).optional(),
  missedCallTextBack: z.boolean({ error: 'Missed-call text-back must be on or off (true or false)' }).optional(),
  ownerNotifyPhone: optionalPhone('Your mobile number'),
  ownerNotifyEmail: z.preprocess(blankToNull, z.email({ error: 'Enter an email address like you@example.com' }).nullable()).optional(),
  allowedCountries,
  sipDomain,
  sipUsername,
  sipPassword,
};

export const phoneSettingsInput = z
  .strictObject(phoneSettingsFields, { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}` : undefined) })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change: send at least one field' });

export type PhoneSettingsInput = z.output<typeof phoneSettingsInput>;
