import { describe, expect, it } from 'vitest';
import { linkToken } from './link-token.ts';

describe('linkToken', () => {
  it('reads the token from the link fragment, and nothing that is not one', () => {
    const token = 'q1W2e3R4t5Y6u7I8o9P0-_aSdFgHjKlZxCvBnM12345';
    expect(linkToken(`#token=${token}`)).toBe(token);
    expect(linkToken(`token=${token}`)).toBe(token);
    for (const hash of ['', '#', '#token=', '#token=short', '#token=<script>alert(1)</script>aaaaaaaaaaaaaaaa', `#other=${token}`]) expect(linkToken(hash), hash).toBeNull();
  });
});
