import { describe, expect, it } from 'vitest';
import { cleanTwilioParams, LONGEST_CALL_SECONDS, wholeSeconds, withoutControlCharacters } from './twilio-fields.ts';

describe('Twilio fields', () => {
  it('control characters go, line breaks, tabs and every other character stay', () => {
    expect(withoutControlCharacters('+1918\u00005550100')).toBe('+19185550100');
    expect(withoutControlCharacters('Hi\u0001\u007f\u0085 there\r\n\tok 👍 é')).toBe('Hi there\r\n\tok 👍 é');
    expect(cleanTwilioParams({ 'Body\u0000': 'a\u0000b', '\u0000': 'dropped', From: '+1' })).toEqual({ Body: 'ab', From: '+1' });
  });

  it('durations are whole, non-negative seconds of at most a day', () => {
    expect(['60', ' 60 ', '-500', 'NaN', 'abc', '', '12.7', '1e400', '99999999999', undefined, null, -3, Number.NaN, 7.9, Number.POSITIVE_INFINITY].map(wholeSeconds)).toEqual([
      60, 60, 0, 0, 0, 0, 12, LONGEST_CALL_SECONDS, LONGEST_CALL_SECONDS, 0, 0, 0, 0, 7, LONGEST_CALL_SECONDS,
    ]);
  });
});
