import { describe, expect, it } from 'vitest';
import { containsPattern, searchTerms } from './search-terms.ts';

describe('searchTerms', () => {
  it('reads a phone number in any format as one run of digits', () => {
    expect(searchTerms('918 555')).toEqual(['918555']);
    expect(searchTerms('(918) 555-0142')).toEqual(['9185550142']);
    expect(searchTerms('+1 918.555.0142')).toEqual(['19185550142']);
  });

  it('reads anything else as words, lower-cased, each once', () => {
    expect(searchTerms('  Ana  LOPEZ ana ')).toEqual(['ana', 'lopez']);
    expect(searchTerms('ana@example.com')).toEqual(['ana@example.com']);
  });

  it('is nothing for an empty box or punctuation alone', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(' - ( ) ')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('keeps LIKE wildcards typed in the box literal', () => {
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
