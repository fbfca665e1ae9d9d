import { z } from 'zod';
import { emailAddress } from './email.ts';
import { blankToNull, phoneNumberInput } from './phone-number.ts';

// A visitor's request from a website's booking form (POST /s/:slug/book, a plain form post that
// works without JavaScript). It creates or finds the customer by phone number and tells the owner;
// real time slots arrive with the booking issue. Messages are written for the visitor.

const optionalText = (label: string, max: number) =>
  z.preprocess(blankToNull, z.string({ error: `${label} must be text` }).trim().max(max, `${label} must be ${max} characters or fewer`).nullable()).default(null);

export const siteRequestInput = z.object({
  name: z.string({ error: 'Please tell us your name' }).trim().min(1, 'Please tell us your name').max(80, 'Your name must be 80 characters or fewer'),
  phone: phoneNumberInput('Phone number'),
  email: z.preprocess(blankToNull, emailAddress.nullable()).default(null),
  /** A service id from the form's list; blank is "not sure yet". */
  serviceId: z.preprocess(blankToNull, z.uuid({ error: 'Choose a service from the list' }).nullable()).default(null),
  when: optionalText('When suits you', 120),
  address: optionalText('Address', 200),
  message: optionalText('Your message', 1_000),
  /** The unticked-by-default box: "Text me about my request" (carriers require that it is optional). */
  smsConsent: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false),
  /** The form's token (api/sites/form-token.ts): proof the form came from this site's page not long ago. */
  token: z.string({ error: 'This form has expired. Reload the page and send it again.' }).max(200),
});

export type SiteRequestInput = z.output<typeof siteRequestInput>;
