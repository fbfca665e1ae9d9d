import { describe, expect, it } from 'vitest';
import { returnPath, signInSearch } from './return-to.ts';

describe('sign-in return path', () => {
  it('keeps paths of this app, with their query and hash', () => {
    expect(returnPath('/t/root/voicemails')).toBe('/t/root/voicemails');
    expect(returnPath('/admin/tenants?x=1#top')).toBe('/admin/tenants?x=1#top');
  });

  it('refuses anything that could lead to another site', () => {
    for (const raw of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', 'admin', null, 42, '/\u0000x']) {
      expect(returnPath(raw), String(raw)).toBeNull();
    }
  });

  it('asks to come back only when there is somewhere to come back to', () => {
    expect(signInSearch('/t/root/texts', false)).toEqual({ redirect: '/t/root/texts' });
    expect(signInSearch('/', false)).toEqual({});
    expect(signInSearch('/login?redirect=%2Fx', false)).toEqual({});
    // Signing out on purpose starts afresh: the next person to sign in lands on their own home.
    expect(signInSearch('/t/root/texts', true)).toEqual({});
  });
});
