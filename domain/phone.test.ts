import { describe, expect, it } from 'vitest';
import { isE164, phoneLabel } from './phone.ts';

describe('isE164', () => {
  it('accepts a valid number written in E.164 and nothing else', () => {
    expect(isE164('+19185550100')).toBe(true);
    expect(isE164('+442071838750')).toBe(true);
    expect(isE164('(918) 555-0100')).toBe(false); // valid, but not E.164: normalise it with toE164
    expect(isE164('+1 918 555 0100')).toBe(false);
    expect(isE164('+10000000')).toBe(false); // E.164-shaped, not a number
    expect(isE164('918-555')).toBe(false);
  });
});

describe('phoneLabel', () => {
  it('reads a number as people write it', () => {
    expect(phoneLabel('+19185550142')).toBe('(918) 555-0142');
    expect(phoneLabel('+442071838750')).toBe('+44 20 7183 8750');
    expect(phoneLabel('SPARKLE')).toBe('SPARKLE');
  });
});
