import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';

// Where ServicePro may send a text or forward a call. Toll fraud and SMS pumping live on numbers
// that earn their owner money per message or minute (premium rates, satellite and international
// networks, far-away countries); one policy guards every text to a customer and every number the
// owner configures. The full ("max") metadata is needed: only it knows number types.

/** Countries texts and calls go to unless the platform says otherwise (`SMS_ALLOWED_COUNTRIES`). */
export const DEFAULT_ALLOWED_COUNTRIES: readonly string[] = ['US', 'CA'];

export type DestinationProblem = 'invalid' | 'satellite' | 'premium' | 'not_a_phone' | 'country';

export interface DestinationRefusal {
  code: DestinationProblem;
  /** Completes a sentence that starts with the number or the field ("+1 900… is a premium-rate number"). */
  reason: string;
}

// Country calling codes of no country: Inmarsat (+870), UPT (+878), global mobile satellite
// systems (+881), international networks (+882, +883), and the international premium (+979) and
// shared-cost (+808) services. The country rule would refuse them too; this names why.
const NON_GEOGRAPHIC = ['870', '878', '881', '882', '883', '888', '979', '808'];

// North American numbers that cost the caller or sender extra: the 900 area code and the 976
// exchange (and 976 as an area code, which is not assigned). libphonenumber types +1 900 only.
const NANP_PREMIUM = /^\+1(?:900|976)\d{7}$|^\+1[2-9]\d{2}976\d{4}$/;

const NOT_A_PHONE: ReadonlySet<NumberType> = new Set(['PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL']);
const PREMIUM: ReadonlySet<NumberType> = new Set(['PREMIUM_RATE', 'SHARED_COST']);

const invalid: DestinationRefusal = { code: 'invalid', reason: "isn't a valid phone number" };
const premium: DestinationRefusal = { code: 'premium', reason: 'is a premium-rate number (callers or senders pay per minute or message)' };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => regionNames.of(code) ?? code;
/** "United States and Canada": the countries' names, for a sentence. */
export const countryNames = (countries: readonly string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(countries.map(countryName));

/** Why ServicePro will not text or call `number` (E.164), or null when it may. */
export function refuseDestination(number: string, allowedCountries: readonly string[]): DestinationRefusal | null {
  const digits = number.trim();
  const network = NON_GEOGRAPHIC.find((prefix) => digits.startsWith(`+${prefix}`));
  if (network) return { code: 'satellite', reason: `is a satellite or international-network number (+${network}), a common toll-fraud target` };
  if (NANP_PREMIUM.test(digits)) return premium;

  const parsed = parsePhoneNumberFromString(digits);
  if (!parsed) return invalid;
  const valid = parsed.isValid();
  const country = valid ? parsed.country : undefined;
  // A number the metadata does not know (a new range, or made up) still shows its country code.
  const reachable = valid ? country !== undefined && allowedCountries.includes(country) : allowedCountries.some((code) => getCountryCallingCode(code as CountryCode) === parsed.countryCallingCode);
  if (!valid && reachable) return invalid;
  if (!reachable) {
    const where = country ? `a number in ${countryName(country)}` : `an international number (+${parsed.countryCallingCode})`;
    const allowed = allowedCountries.length > 0 ? `only numbers in ${countryNames(allowedCountries)}` : 'no numbers in any country (none is allowed)';
    return { code: 'country', reason: `is ${where}; ServicePro texts and calls ${allowed}` };
  }
  const type = parsed.getType();
  if (type && PREMIUM.has(type)) return premium;
  if (type && NOT_A_PHONE.has(type)) return { code: 'not_a_phone', reason: 'is a personal, pager or shared (UAN) number, not a phone of its own' };
  return null;
}

/** A comma list of ISO 3166 country codes (`US,CA`), upper-cased; throws naming a code it does not know. */
export function parseCountryList(text: string): string[] {
  const codes = text.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean);
  if (codes.length === 0) throw new Error('name at least one country, like US,CA');
  for (const code of codes) if (!isCountryCode(code)) throw new Error(`${code} is not a country code (use two-letter ISO codes, like US,CA)`);
  return [...new Set(codes)];
}

export const isCountryCode = (code: string) => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);

/**
 * A tenant's allowed countries: its own list (empty = the platform's), never more than the
 * platform allows — a platform that narrows its list narrows every tenant's at once.
 */
export function allowedCountriesFor(platform: readonly string[], tenant: readonly string[]): string[] {
  return tenant.length === 0 ? [...platform] : tenant.filter((code) => platform.includes(code));
}
