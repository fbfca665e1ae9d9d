import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { Config } from './config.ts';

// A download link of a data export is a bearer credential: whoever holds it gets the tenant's
// data until it expires. It is bound to one tenant, one export and one expiry by an HMAC under a
// key derived from the master key, so a link cannot be edited to reach another tenant's file or
// to live longer, and rotating the master key revokes every link at once.

export interface ExportLinkClaims {
  tenantId: string;
  exportId: string;
  expiresAt: Date;
}

export type ExportLinkCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** The signing key of export links: HKDF-SHA256 of the 32-byte master key, its own purpose. */
export function exportLinkKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'servicepro export links', 32));
}

export const exportDownloadPath = (tenantId: string, exportId: string) =>
  `/exports/${encodeURIComponent(tenantId)}/${encodeURIComponent(exportId)}/download`;

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

// Newlines cannot occur in tenant or export ids, so no two claims sign the same text.
const signature = (key: Buffer, tenantId: string, exportId: string, expires: number) =>
  createHmac('sha256', key).update(`${tenantId}\n${exportId}\n${expires}`).digest();

/** `/exports/<tenantId>/<exportId>/download?expires=<unix s>&sig=<hex>` (prefix it with PUBLIC_BASE_URL). */
export function signExportLink(claims: ExportLinkClaims, key: Buffer): string {
  const expires = unixSeconds(claims.expiresAt);
  const sig = signature(key, claims.tenantId, claims.exportId, expires).toString('hex');
  return `${exportDownloadPath(claims.tenantId, claims.exportId)}?expires=${expires}&sig=${sig}`;
}

/**
 * Checks a link's `expires` and `sig` against the tenant and export of its path. A link whose
 * signature does not match is `invalid` (whatever its expiry says: the expiry is signed too);
 * a genuine link past its time is `expired`, so the owner can be told to fetch a fresh one.
 */
export function verifyExportLink(
  link: { tenantId: string; exportId: string; expires: string | undefined; sig: string | undefined },
  key: Buffer,
  now: Date = new Date(),
): ExportLinkCheck {
  if (!link.expires || !/^\d{1,12}$/.test(link.expires) || !link.sig || !/^[0-9a-f]{64}$/i.test(link.sig)) return { ok: false, reason: 'invalid' };
  const expires = Number(link.expires);
  const expected = signature(key, link.tenantId, link.exportId, expires);
  if (!timingSafeEqual(expected, Buffer.from(link.sig, 'hex'))) return { ok: false, reason: 'invalid' };
  if (expires <= unixSeconds(now)) return { ok: false, reason: 'expired' };
  return { ok: true };
}

/** When a link signed now stops working. */
export const exportLinkExpiry = (config: Pick<Config, 'EXPORT_LINK_TTL_HOURS'>, now: Date = new Date()) =>
  new Date(now.getTime() + config.EXPORT_LINK_TTL_HOURS * 3_600_000);

/** Where export zips live: EXPORT_STORAGE_DIR, or `<SERVICEPRO_DATA_DIR>/exports`. */
export const exportStorageDir = (config: Pick<Config, 'EXPORT_STORAGE_DIR' | 'SERVICEPRO_DATA_DIR'>) =>
  path.resolve(config.EXPORT_STORAGE_DIR ?? path.join(config.SERVICEPRO_DATA_DIR, 'exports'));

/** The zip's path relative to the storage directory (what `data_exports.file_name` holds). */
export const exportFileName = (tenantId: string, exportId: string) => `${tenantId}/${exportId}.zip`;
