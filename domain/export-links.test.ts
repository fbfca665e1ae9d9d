import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportLinkKey, signExportLink, verifyExportLink } from './export-links.ts';

const key = exportLinkKey(randomBytes(32));
const now = new Date('2026-11-25T12:00:00Z');
const inAnHour = new Date(now.getTime() + 3_600_000);
const claims = { tenantId: 'acme', exportId: '3f0c1a52-8d4e-4b6f-9a3e-2b7c5d9e1f00', expiresAt: inAnHour };

/** The parts of a signed link as the download route reads them. */
function parse(link: string) {
  const url = new URL(link, 'http://x');
  const [, , tenantId, exportId] = url.pathname.split('/');
  return { tenantId: decodeURIComponent(tenantId!), exportId: decodeURIComponent(exportId!), expires: url.searchParams.get('expires') ?? undefined, sig: url.searchParams.get('sig') ?? undefined };
}

describe('signed export links', () => {
  it('names the tenant, the export and the expiry, and verifies', () => {
    const link = signExportLink(claims, key);
    expect(link).toMatch(/^\/exports\/acme\/3f0c1a52-8d4e-4b6f-9a3e-2b7c5d9e1f00\/download\?expires=\d+&sig=[0-9a-f]{64}$/);
    expect(parse(link).expires).toBe(String(inAnHour.getTime() / 1000));
    expect(verifyExportLink(parse(link), key, now)).toEqual({ ok: true });
  });

  it('rejects a link for another tenant or export, a stretched expiry, an edited or missing signature', () => {
    const link = parse(signExportLink(claims, key));
    expect(verifyExportLink({ ...link, tenantId: 'other' }, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyExportLink({ ...link, exportId: '3f0c1a52-8d4e-4b6f-9a3e-2b7c5d9e1f01' }, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyExportLink({ ...link, expires: String(Number(link.expires) + 86_400) }, key, now)).toEqual({ ok: false, reason: 'invalid' });
    const flipped = link.sig!.slice(0, -1) + (link.sig!.endsWith('0') ? '1' : '0');
    expect(verifyExportLink({ ...link, sig: flipped }, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyExportLink({ ...link, sig: link.sig!.slice(0, 20) }, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyExportLink({ ...link, sig: undefined }, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyExportLink({ ...link, expires: 'soon' }, key, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects a link signed under another master key', () => {
    const link = parse(signExportLink(claims, exportLinkKey(randomBytes(32))));
    expect(verifyExportLink(link, key, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('tells a genuine but expired link apart from a forged one', () => {
    const link = parse(signExportLink(claims, key));
    expect(verifyExportLink(link, key, new Date(inAnHour.getTime() + 1_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('derives a key of its own from the master key (not the master key itself)', () => {
    const master = randomBytes(32);
    expect(exportLinkKey(master)).toHaveLength(32);
    expect(exportLinkKey(master).equals(master)).toBe(false);
    expect(exportLinkKey(master).equals(exportLinkKey(master))).toBe(true);
  });
});
