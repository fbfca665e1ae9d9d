import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A phone number in E.164 (`+19185550100`), or null when it is not a real, dialable number. */
export function toE164(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
