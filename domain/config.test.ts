import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

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
    expect(parseConfig({ NODE_ENV: 'production', SERVICEPRO_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }).NODE_ENV).toBe('production');
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
