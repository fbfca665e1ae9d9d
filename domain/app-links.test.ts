import { describe, expect, it } from 'vitest';
import { tenantPageUrl } from './app-links.ts';

describe('tenantPageUrl', () => {
  it('is a full address under the public base URL, whatever its trailing slash', () => {
    expect(tenantPageUrl('https://app.example.com', 'sunny-lawns', 'voicemails')).toBe('https://app.example.com/t/sunny-lawns/voicemails');
    expect(tenantPageUrl('https://app.example.com/', 'sunny-lawns', 'billing')).toBe('https://app.example.com/t/sunny-lawns/billing');
  });
});
