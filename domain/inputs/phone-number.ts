import { z } from 'zod';
import { toE164 } from '../phone.ts';
import { refuseDestination } from '../phone-destinations.ts';

// The one phone-number rule of every form and request body: libphonenumber decides, national
// formats ("918 555 0123", "(918) 555-0123") count as US numbers, and the value that comes out
// is E.164 (+19185550123). The web app and the API import this same schema.

/** How the message under a phone field asks for one, whatever was wrong. */
export const phoneNumberHint = (label: string) => `${label}: enter a valid phone number with its area code, like (918) 555-0123 or +19185550123`;

/** `label` names the field in the message ("Forwarding number", "Phone number"). */
export const phoneNumberInput = (label: string) =>
  z.string({ error: phoneNumberHint(label) }).transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      // A satellite number may not parse as a country's number: say what it is, not just "invalid".
      const satellite = refuseDestination(value.replace(/[^\d+]/g, ''), []);
      ctx.addIssue({ code: 'custom', message: satellite?.code === 'satellite' ? `${label} ${satellite.reason}. Enter another number.` : phoneNumberHint(label) });
    }
    return e164 ?? value;
  });

/** Text people leave empty means "none": '' and spaces become null before the rules apply. */
export const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** Optional in a body (absent: unchanged), null or blank to clear. */
export const optionalPhoneNumberInput = (label: string) => z.preprocess(blankToNull, phoneNumberInput(label).nullable()).optional();
