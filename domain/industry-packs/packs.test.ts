import { describe, expect, it } from 'vitest';
import { phoneSettingsFields } from '../inputs/phone-settings.ts';
import { SPOKEN_TEXT_MAX } from '../phone-settings-limits.ts';
import { smsEncoding, smsSegments } from '../sms-segments.ts';
import { DEFAULT_PACK_ID, fillPackText, INDUSTRY_IDS, INDUSTRY_PACKS, industryPack, type IndustryPack } from './index.ts';
import { industryPackSchema, PACK_PLACEHOLDERS, type PackPlaceholder } from './pack.ts';

// Packs are data written by hand: this is their proof-reading. Every pack must parse, use only the
// placeholders fillPackText fills, and say and text what fits the IVR and two SMS segments even
// for a business with a long name.

/** schema.org LocalBusiness and the subtypes a service business may be (checked on schema.org: each is LocalBusiness or below it). */
const SCHEMA_ORG_LOCAL_BUSINESS_TYPES = [
  'LocalBusiness',
  'AutomotiveBusiness',
  'AutoWash',
  'AutoRepair',
  'HomeAndConstructionBusiness',
  'HousePainter',
  'GeneralContractor',
  'Electrician',
  'Plumber',
  'HVACBusiness',
  'Locksmith',
  'MovingCompany',
  'RoofingContractor',
  'ProfessionalService',
  'DryCleaningOrLaundry',
  'HealthAndBeautyBusiness',
];

/** Realistically long values: a long business name, a long first name, a long date, a real booking link. */
const LONG_VALUES: Record<PackPlaceholder, string> = {
  business: 'Evergreen Family Lawn & Landscape Co.',
  customer: 'Christopher',
  service: '', // each pack's longest service name, below
  when: 'Wednesday, September 30 at 10:30 AM',
  link: 'https://app.servicepro.example/s/evergreen-family-lawn/book',
  phone: '(918) 555-0123',
};
const longValues = (pack: IndustryPack) => ({ ...LONG_VALUES, service: pack.services.map((s) => s.name).reduce((a, b) => (b.length > a.length ? b : a)) });

/** Every string in a pack, with where it is: "sms.reminder", "faqs.2.answer". */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

const placeholdersIn = (text: string) => [...text.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!);

describe.each(INDUSTRY_PACKS.map((pack) => [pack.id, pack] as const))('the %s pack', (_id, pack) => {
  it('parses with the pack schema, unchanged', () => {
    expect(industryPackSchema.parse(pack)).toEqual(pack);
  });

  it('uses only the placeholders fillPackText fills, and no stray braces', () => {
    for (const { path, text } of strings(pack)) {
      for (const name of placeholdersIn(text)) expect(PACK_PLACEHOLDERS, `${path}: {${name}}`).toContain(name);
      expect(text.replace(/\{[a-z]+\}/g, ''), path).not.toMatch(/[{}]/);
    }
  });

  it('names a schema.org LocalBusiness type, and an asset the customer book knows', () => {
    expect(SCHEMA_ORG_LOCAL_BUSINESS_TYPES).toContain(pack.schemaOrgType);
    expect([null, 'vehicle', 'pet', 'pool']).toContain(pack.asset?.singular ?? null);
  });

  it('lists each service once, with a price a customer can read', () => {
    const names = pack.services.map((service) => service.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const service of pack.services) expect(service.priceCents % 100, service.name).toBe(0);
  });

  it('every SMS template, filled with long values, fits two GSM-7 segments and the phone settings limits', () => {
    for (const [name, template] of Object.entries(pack.sms)) {
      const body = fillPackText(template, longValues(pack));
      expect(smsEncoding(body), `${name}: ${body}`).toBe('GSM-7');
      expect(smsSegments(body), `${name} (${body.length} characters): ${body}`).toBeLessThanOrEqual(2);
      expect(body, name).not.toMatch(/[{}]|\s{2}/);
    }
    expect(phoneSettingsFields.infoSmsText.safeParse(fillPackText(pack.sms.info, longValues(pack))).success).toBe(true);
    expect(phoneSettingsFields.missedCallText.safeParse(fillPackText(pack.sms.missedCall, longValues(pack))).success).toBe(true);
  });

  it('what the IVR says is speakable and fits what the greeting and info settings accept', () => {
    const spoken = [pack.ivr.greeting, pack.ivr.info, ...pack.ivr.jokes];
    for (const text of spoken) {
      // Only the business name is spoken: a link or a date read aloud is no use to a caller.
      expect(placeholdersIn(text).filter((name) => name !== 'business'), text).toEqual([]);
      expect(text, text).not.toMatch(/https?:|www\./);
      expect(fillPackText(text, longValues(pack)).length, text).toBeLessThanOrEqual(SPOKEN_TEXT_MAX);
    }
    expect(pack.ivr.greeting).toContain('{business}');
    expect(phoneSettingsFields.greetingText.safeParse(fillPackText(pack.ivr.greeting, longValues(pack))).success).toBe(true);
    expect(phoneSettingsFields.infoText.safeParse(pack.ivr.info).success).toBe(true);
    // The menu follows the info message at once: it must leave the caller time to listen.
    expect(pack.ivr.info.split(/[.!?](?:\s|$)/).filter(Boolean).length).toBeLessThanOrEqual(5);
  });

  it('texts a caller who presses 1 the business and a way to book', () => {
    expect(pack.sms.info).toContain('{business}');
    expect(pack.sms.info).toContain('{link}');
    expect(pack.sms.missedCall).toContain('{business}');
  });
});

describe('the packs together', () => {
  it('has the trades small US service businesses run, each id once, and "Other" last', () => {
    const ids = INDUSTRY_PACKS.map((pack) => pack.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(INDUSTRY_PACKS.map((pack) => pack.name)).size).toBe(ids.length);
    for (const trade of ['auto-detailing', 'lawn-care', 'house-cleaning', 'pet-grooming', 'pressure-washing', 'window-cleaning', 'pool-service', 'carpet-cleaning']) expect(ids).toContain(trade);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids.at(-1)).toBe('other');
    expect(INDUSTRY_IDS).toEqual(ids);
  });

  it('every pack has jokes of its own: no trade tells another trade\'s joke', () => {
    const jokes = INDUSTRY_PACKS.flatMap((pack) => pack.ivr.jokes);
    expect(new Set(jokes).size).toBe(jokes.length);
  });

  it('a tenant without a trade, or with a retired one, gets the "Other" pack', () => {
    expect(industryPack('house-cleaning').name).toBe('House cleaning');
    expect(industryPack(null).id).toBe('other');
    expect(industryPack(undefined).id).toBe('other');
    expect(industryPack('cleaning').id).toBe('other');
    expect(DEFAULT_PACK_ID).toBe('other');
  });
});

describe('fillPackText', () => {
  it('fills every placeholder it is given', () => {
    expect(fillPackText('Hi {customer}, {business}: your {service} is {when}. {link} {phone}', { customer: 'Ana', business: 'Sunny Lawns', service: 'Lawn mowing', when: 'Friday at 9 AM', link: 'https://x.test/b', phone: '(918) 555-0123' })).toBe(
      'Hi Ana, Sunny Lawns: your Lawn mowing is Friday at 9 AM. https://x.test/b (918) 555-0123',
    );
  });

  it('drops a placeholder without a value, with the space before it, so a customer never sees braces', () => {
    expect(fillPackText('Thanks for calling {business}!', {})).toBe('Thanks for calling!');
    expect(fillPackText('{business}: book at {link}', { business: 'Sunny Lawns' })).toBe('Sunny Lawns: book at');
  });

  it('takes values literally: a value is never filled again or read as a replacement pattern', () => {
    expect(fillPackText('Hi {customer}, from {business}', { customer: '{business} $& $1', business: 'Sunny Lawns' })).toBe('Hi {business} $& $1, from Sunny Lawns');
  });

  it('fills the same placeholder everywhere it appears', () => {
    expect(fillPackText('{business} says thanks. {business}', { business: 'Sunny Lawns' })).toBe('Sunny Lawns says thanks. Sunny Lawns');
  });
});
