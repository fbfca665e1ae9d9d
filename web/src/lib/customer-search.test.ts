import { describe, expect, it } from 'vitest';
import { parseCustomerSearch } from './customer-search.ts';

describe('parseCustomerSearch', () => {
  it('keeps what was typed, trimmed', () => {
    expect(parseCustomerSearch({ q: '  Ana Lopez ' })).toEqual({ q: 'Ana Lopez' });
    expect(parseCustomerSearch({ q: '(918) 555-0142' })).toEqual({ q: '(918) 555-0142' });
  });

  it('reads a number the router parsed as JSON back as the digits typed', () => {
    expect(parseCustomerSearch({ q: 9185550142 })).toEqual({ q: '9185550142' });
  });

  it('drops an empty, over-long or non-text search and anything else in the URL', () => {
    expect(parseCustomerSearch({ q: '   ' })).toEqual({});
    expect(parseCustomerSearch({ q: 'x'.repeat(201) })).toEqual({});
    expect(parseCustomerSearch({ q: { $ne: 1 } })).toEqual({});
    expect(parseCustomerSearch({ other: 'ana' })).toEqual({});
  });
});
