import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { canonicalMount, type SiteUrlSettings } from '../sites/urls.ts';

// The customer's "manage your booking" link (`<site>/booking/<bookingId>?t=<token>`): whoever holds
// it may see, cancel or move that one booking, so the token is an HMAC of (tenant, booking) under a
// key derived from the master key — unguessable, bound to one booking, and revoked for all at once
// by rotating the master key. It does not expire: the link in a reminder must work until the job.

const keyOf = (masterKey: Buffer) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'servicepro booking manage links', 32));

// Newlines cannot occur in tenant ids or uuids, so no two bookings sign the same text.
const mac = (masterKey: Buffer, tenantId: string, bookingId: string) => createHmac('sha256', keyOf(masterKey)).update(`${tenantId}\n${bookingId}`).digest('base64url').slice(0, 32);

export function manageToken(masterKey: Buffer, tenantId: string, bookingId: string): string {
  return mac(masterKey, tenantId, bookingId);
}

export function manageTokenValid(masterKey: Buffer, tenantId: string, bookingId: string, token: string | null | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(mac(masterKey, tenantId, bookingId));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The path of the manage page inside a site (append to a mount's base). */
export const managePath = (bookingId: string, token: string) => `/booking/${encodeURIComponent(bookingId)}?t=${encodeURIComponent(token)}`;

/** The absolute link for a text: on the site's canonical address (own domain, subdomain or /s/<slug>). */
export function manageLink(
  masterKey: Buffer,
  site: { tenantId: string; slug: string; customDomain: string | null },
  bookingId: string,
  settings: SiteUrlSettings,
): string {
  return `${canonicalMount(site, settings).base}${managePath(bookingId, manageToken(masterKey, site.tenantId, bookingId))}`;
}
