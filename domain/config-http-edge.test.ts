import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('HTTP edge settings', () => {
  it('HOST: the API listens on loopback unless told otherwise', () => {
    expect(parseConfig({}).HOST).toBe('127.0.0.1');
    expect(parseConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(parseConfig({ HOST: '::' }).HOST).toBe('::');
    expect(parseConfig({ HOST: 'api.internal' }).HOST).toBe('api.internal');
  });

  it('HOST: refuses what is not an address or host name, saying what to set', () => {
    expect(() => parseConfig({ HOST: 'http://0.0.0.0' })).toThrow(/HOST: must be an IP address or host name/);
    expect(() => parseConfig({ HOST: 'a b' })).toThrow(/HOST/);
  });

  it('TRUST_PROXY_HOPS: no forwarded header is trusted by default; a small whole number when set', () => {
    expect(parseConfig({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseConfig({ TRUST_PROXY_HOPS: '2' }).TRUST_PROXY_HOPS).toBe(2);
    expect(() => parseConfig({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS: must be the number of proxies in front of ServicePro/);
    expect(() => parseConfig({ TRUST_PROXY_HOPS: '1.5' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseConfig({ TRUST_PROXY_HOPS: 'yes' })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
