import { describe, expect, it } from 'vitest';
import { optionalPhoneNumberInput, phoneNumberInput } from './phone-number.ts';

describe('the one phone-number rule (API and web app alike)', () => {
  it('takes the ways people write a US number and gives E.164', () => {
    const phone = phoneNumberInput('Phone number');
    for (const written of ['918 555 0123', '(918) 555-0123', '918-555-0123', '9185550123', '+1 918 555 0123', '+19185550123']) {
      expect(phone.parse(written), written).toBe('+19185550123');
    }
    expect(phone.parse('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses what is not a dialable number, saying how to write one; satellite numbers say what they are', () => {
    const phone = phoneNumberInput('Forwarding number');
    for (const bad of ['555', '555 0123', '+12', 'call me']) {
      const result = phone.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Forwarding number: enter a valid phone number with its area code, like (918) 555-0123 or +19185550123');
    }
    expect(phone.safeParse('+88161234567').error?.issues[0]?.message).toMatch(/^Forwarding number is a satellite or international-network number/);
  });

  it('optional: blank clears (null), absent leaves unchanged', () => {
    const phone = optionalPhoneNumberInput('Your mobile number');
    expect(phone.parse('  ')).toBeNull();
    expect(phone.parse(null)).toBeNull();
    expect(phone.parse(undefined)).toBeUndefined();
  });
});
