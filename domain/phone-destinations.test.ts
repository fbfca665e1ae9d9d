import { describe, expect, it } from 'vitest';
import { allowedCountriesFor, DEFAULT_ALLOWED_COUNTRIES, parseCountryList, refuseDestination } from './phone-destinations.ts';

const US_CA = DEFAULT_ALLOWED_COUNTRIES;
const code = (number: string, allowed: readonly string[] = US_CA) => refuseDestination(number, allowed)?.code ?? null;

describe('refuseDestination (where texts go and calls are forwarded)', () => {
  it('accepts ordinary US and Canadian numbers: mobile, landline, toll-free', () => {
    expect(code('+14055550142')).toBeNull();
    expect(code('+19185550100')).toBeNull();
    expect(code('+16135550123')).toBeNull(); // Ottawa
    expect(code('+18005551234')).toBeNull(); // toll-free
  });

  it('refuses countries outside the allowed list, naming the country and the list', () => {
    expect(refuseDestination('+9611234567', US_CA)).toEqual({
      code: 'country',
      reason: 'is a number in Lebanon; ServicePro texts and calls only numbers in United States and Canada',
    });
    expect(code('+4915112345678')).toBe('country');
    expect(code('+18095551234')).toBe('country'); // +1 809 is the Dominican Republic, not the US
    expect(code('+4915112345678', ['US', 'CA', 'DE'])).toBeNull();
  });

  it('refuses premium-rate numbers: +1 900, the 976 exchange, and what libphonenumber types as premium', () => {
    expect(refuseDestination('+19005551234', US_CA)).toEqual({ code: 'premium', reason: 'is a premium-rate number (callers or senders pay per minute or message)' });
    expect(code('+12129761234')).toBe('premium');
    expect(code('+14059760000')).toBe('premium');
    expect(code('+19765551234')).toBe('premium');
    expect(code('+448712345678', ['GB'])).toBe('premium');
  });

  it('refuses personal, pager and shared (UAN) numbers even in an allowed country', () => {
    expect(code('+447012345678', ['GB'])).toBe('not_a_phone'); // UK "070" personal numbers
    expect(code('+447012345678')).toBe('country');
  });

  it('refuses satellite and international-network numbers (+870, +881, +882, +883, …), which have no country', () => {
    for (const number of ['+882123456789', '+881612345678', '+870123456789', '+88351234567', '+979123456789', '+80812345678']) {
      expect(refuseDestination(number, ['US', 'CA'])?.code, number).toBe('satellite');
    }
    expect(refuseDestination('+882123456789', US_CA)?.reason).toBe('is a satellite or international-network number (+882), a common toll-fraud target');
  });

  it('refuses what is not a phone number at all; one the metadata does not know is still refused by its country code', () => {
    expect(code('+15551234567')).toBe('invalid');
    expect(refuseDestination('+96112', US_CA)).toEqual({ code: 'country', reason: 'is an international number (+961); ServicePro texts and calls only numbers in United States and Canada' });
    expect(code('12345')).toBe('invalid');
    expect(code('')).toBe('invalid');
  });
});

describe('allowed countries', () => {
  it('the platform list comes from a comma list of ISO codes, and an unknown code is an error', () => {
    expect(parseCountryList('US,CA')).toEqual(['US', 'CA']);
    expect(parseCountryList(' us , ca,gb ')).toEqual(['US', 'CA', 'GB']);
    expect(() => parseCountryList('US,XX')).toThrow('XX is not a country code');
    expect(() => parseCountryList('')).toThrow('name at least one country');
  });

  it("a tenant's own list narrows the platform's and never widens it; an empty list means the platform's", () => {
    expect(allowedCountriesFor(['US', 'CA'], [])).toEqual(['US', 'CA']);
    expect(allowedCountriesFor(['US', 'CA'], ['US'])).toEqual(['US']);
    expect(allowedCountriesFor(['US', 'CA'], ['US', 'GB'])).toEqual(['US']);
    expect(allowedCountriesFor(['US'], ['GB'])).toEqual([]);
  });
});
