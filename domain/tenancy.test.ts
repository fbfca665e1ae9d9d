import { describe, expect, it } from 'vitest';
import { toE164 } from './phone.ts';
import { openSecret, sealSecret } from './secrets.ts';
import { TENANT_ID_PATTERN, tenantIdFromName } from './tenancy.ts';

describe('tenantIdFromName', () => {
  it.each([
    ['Sparkle & Shine Detailing', 'sparkle-shine-detailing'],
    ['  Crème Brûlée Pet Spa!! ', 'creme-brulee-pet-spa'],
    ['AB', 'tenant-ab'],
    ['!!!', 'tenant-new'],
    ['A very long business name that goes on and on forever', 'a-very-long-business-name-that-goe'],
  ])('%s → %s', (name, id) => {
    expect(tenantIdFromName(name)).toBe(id);
    expect(id).toMatch(TENANT_ID_PATTERN);
  });
});

describe('toE164', () => {
  it('normalises national and formatted numbers, rejects what cannot be dialled', () => {
    expect(toE164('(918) 555-0142')).toBe('+19185550142');
    expect(toE164('+44 20 7183 8750')).toBe('+442071838750');
    expect(toE164('12345')).toBeNull();
    expect(toE164('call me')).toBeNull();
  });
});

describe('secrets at rest', () => {
  const key = Buffer.alloc(32, 9);
  it('seal/open round-trips and binds the purpose', () => {
    const sealed = sealSecret(key, 'sip-password-123', 'tenant_phone_config.sip_password');
    expect(sealed).not.toContain('sip-password-123');
    expect(openSecret(key, sealed, 'tenant_phone_config.sip_password')).toBe('sip-password-123');
    expect(() => openSecret(key, sealed, 'another.column')).toThrow();
    expect(() => openSecret(Buffer.alloc(32, 8), sealed, 'tenant_phone_config.sip_password')).toThrow();
  });
});
