import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const TWILIO = { TWILIO_ACCOUNT_SID: `AC${'a1'.repeat(16)}`, TWILIO_AUTH_TOKEN: 'b2'.repeat(16) };
const STRIPE = { STRIPE_SECRET_KEY: 'sk_test_51abcDEF', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };

/** The start-up error for an environment (null: it starts). */
function refusal(env: Record<string, string>): string | null {
  try {
    parseConfig(env);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('parseConfig', () => {
  it('defaults describe the embedded stack', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, PUBLIC_BASE_URL: 'http://localhost:3000', TEMPORAL_NAMESPACE: 'default', ROOT_PHONE_NUMBER: '+19185550100' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
  });

  it('derives the public URL from PORT and trims a trailing slash when given', () => {
    expect(parseConfig({ PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://app.example.com/' }).PUBLIC_BASE_URL).toBe('https://app.example.com');
  });

  it('names every variable that is wrong and says what to set', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'abc', ROOT_PHONE_NUMBER: '918-555', SERVICEPRO_ENCRYPTION_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/ROOT_PHONE_NUMBER: must be an E\.164 number/);
    expect(message).toMatch(/SERVICEPRO_ENCRYPTION_KEY: must be 32 bytes, base64-encoded \(openssl rand -base64 32\)/);
  });

  it('production requires an encryption key', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SERVICEPRO_ENCRYPTION_KEY: is required in production/);
    expect(parseConfig({ NODE_ENV: 'production', SERVICEPRO_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), ...TWILIO, ...STRIPE }).NODE_ENV).toBe('production');
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: '' }).DATABASE_URL).toBeUndefined();
  });

  it('texts and forwarded calls go to the US and Canada unless SMS_ALLOWED_COUNTRIES says otherwise; automatic texts per number are limited', () => {
    expect(parseConfig({})).toMatchObject({ SMS_ALLOWED_COUNTRIES: ['US', 'CA'], SMS_AUTO_TEXTS_PER_NUMBER_HOUR: 3, SMS_AUTO_TEXTS_PER_NUMBER_DAY: 6 });
    expect(parseConfig({ SMS_ALLOWED_COUNTRIES: 'us, gb', SMS_AUTO_TEXTS_PER_NUMBER_HOUR: '1', SMS_AUTO_TEXTS_PER_NUMBER_DAY: '2' })).toMatchObject({
      SMS_ALLOWED_COUNTRIES: ['US', 'GB'],
      SMS_AUTO_TEXTS_PER_NUMBER_HOUR: 1,
      SMS_AUTO_TEXTS_PER_NUMBER_DAY: 2,
    });
    expect(() => parseConfig({ SMS_ALLOWED_COUNTRIES: 'US,Canada' })).toThrow(/SMS_ALLOWED_COUNTRIES: CANADA is not a country code/);
    expect(() => parseConfig({ SMS_AUTO_TEXTS_PER_NUMBER_HOUR: '0' })).toThrow(/SMS_AUTO_TEXTS_PER_NUMBER_HOUR/);
  });
});

describe('providers are configured whole, or not at all (else the sandbox would run silently)', () => {
  it('a Twilio account SID without its auth token, or the token without the SID, stops start-up naming the one to set', () => {
    expect(refusal({ TWILIO_ACCOUNT_SID: TWILIO.TWILIO_ACCOUNT_SID })).toMatch(/TWILIO_AUTH_TOKEN: is required with TWILIO_ACCOUNT_SID/);
    expect(refusal({ TWILIO_AUTH_TOKEN: TWILIO.TWILIO_AUTH_TOKEN })).toMatch(/TWILIO_ACCOUNT_SID: is required with TWILIO_AUTH_TOKEN/);
    expect(refusal({ ...TWILIO })).toBeNull();
    expect(refusal({})).toBeNull(); // neither: the local sandbox
  });

  it('a Stripe secret key without STRIPE_WEBHOOK_SECRET (every real webhook would be refused), or a webhook secret without a key, stops start-up', () => {
    const keyOnly = refusal({ STRIPE_SECRET_KEY: STRIPE.STRIPE_SECRET_KEY });
    expect(keyOnly).toMatch(/STRIPE_WEBHOOK_SECRET: is required with STRIPE_SECRET_KEY/);
    expect(keyOnly).toMatch(/\/stripe\/webhook/); // says where the secret comes from
    expect(refusal({ STRIPE_WEBHOOK_SECRET: STRIPE.STRIPE_WEBHOOK_SECRET })).toMatch(/STRIPE_SECRET_KEY: is required with STRIPE_WEBHOOK_SECRET/);
    expect(refusal({ ...STRIPE })).toBeNull();
  });

  it('a value in the wrong variable is named (a secret key where the webhook secret goes, an auth token for the SID)', () => {
    expect(refusal({ STRIPE_SECRET_KEY: STRIPE.STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STRIPE.STRIPE_SECRET_KEY })).toMatch(/STRIPE_WEBHOOK_SECRET: must start with whsec_/);
    expect(refusal({ STRIPE_SECRET_KEY: 'pk_test_publishable', STRIPE_WEBHOOK_SECRET: STRIPE.STRIPE_WEBHOOK_SECRET })).toMatch(/STRIPE_SECRET_KEY: must be a secret key/);
    expect(refusal({ TWILIO_ACCOUNT_SID: TWILIO.TWILIO_AUTH_TOKEN, TWILIO_AUTH_TOKEN: TWILIO.TWILIO_AUTH_TOKEN })).toMatch(/TWILIO_ACCOUNT_SID: must be an account SID/);
    expect(refusal({ STRIPE_SECRET_KEY: 'rk_live_restricted', STRIPE_WEBHOOK_SECRET: STRIPE.STRIPE_WEBHOOK_SECRET })).toBeNull();
  });

  it('production runs on real Twilio and Stripe accounts, never on the sandboxes, and says which variables are missing', () => {
    const encryption = { NODE_ENV: 'production', SERVICEPRO_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') };
    const none = refusal(encryption)!;
    for (const variable of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']) expect(none).toMatch(new RegExp(`${variable}: is required in production`));
    expect(none).toMatch(/sandbox is for development/);
    expect(refusal({ ...encryption, ...TWILIO })).toMatch(/STRIPE_SECRET_KEY: is required in production/);
    expect(refusal({ ...encryption, ...TWILIO })).not.toMatch(/TWILIO/);
    expect(refusal({ ...encryption, ...TWILIO, ...STRIPE })).toBeNull();
  });

  it('OpenAI: a base URL without a key is a local endpoint and fine, a key alone is OpenAI itself, neither is the offline agent (also in production)', () => {
    expect(refusal({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' })).toBeNull();
    expect(refusal({ OPENAI_API_KEY: 'sk-proj-abc' })).toBeNull();
    expect(refusal({ NODE_ENV: 'production', SERVICEPRO_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), ...TWILIO, ...STRIPE })).toBeNull();
  });
});
