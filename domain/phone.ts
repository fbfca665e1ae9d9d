import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Every phone-number rule on the server, on libphonenumber: what a number is, its stored form
// (E.164) and how people read it. Which numbers may be texted or called is phone-destinations.ts.

/** A phone number in E.164 (`+19185550100`), or null when it is not a real, dialable number. */
export function toE164(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/** True when `value` is already a valid number written in E.164, as settings and APIs exchange them. */
export const isE164 = (value: string): boolean => value.startsWith('+') && toE164(value) === value;

/** "(918) 555-0142" for a US number, the international form otherwise; anything else as given. */
export function phoneLabel(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.isValid() ? (parsed.country === 'US' ? parsed.formatNational() : parsed.formatInternational()) : phone;
}
