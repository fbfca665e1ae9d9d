import { z } from 'zod';
import { emailAddress } from './email.ts';
import { blankToNull, phoneNumberInput } from './phone-number.ts';

// The public booking pages' forms (POST <site>/book/<serviceId>/details and the manage page's
// cancel and reschedule), plain form posts that work without JavaScript. Messages are written for
// the visitor.

/** A slot's start as it travels in links and forms: an ISO 8601 instant. */
export const slotStart = z
  .string({ error: 'Pick a time from the list' })
  .trim()
  .max(40)
  .refine((text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)), 'Pick a time from the list')
  .transform((text) => new Date(text));

const formToken = z.string({ error: 'This form has expired. Please send it again.' }).max(200);

export const siteBookingInput = z.object({
  start: slotStart,
  name: z.string({ error: 'Please tell us your name' }).trim().min(1, 'Please tell us your name').max(80, 'Your name must be 80 characters or fewer'),
  phone: phoneNumberInput('Phone number'),
  email: z.preprocess(blankToNull, emailAddress.nullable()).default(null),
  address: z.preprocess(blankToNull, z.string({ error: 'Address must be text' }).trim().max(200, 'Address must be 200 characters or fewer').nullable()).default(null),
  notes: z.preprocess(blankToNull, z.string({ error: 'Notes must be text' }).trim().max(1_000, 'Notes must be 1000 characters or fewer').nullable()).default(null),
  /** Unticked by default and optional, as carriers require. */
  smsConsent: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false),
  token: formToken,
});
export type SiteBookingInput = z.output<typeof siteBookingInput>;

/** The manage page's forms carry the booking's own link token (t) and the site's form token. */
export const manageCancelInput = z.object({ t: z.string().max(200), token: formToken });
export const manageRescheduleInput = z.object({ t: z.string().max(200), token: formToken, start: slotStart });
