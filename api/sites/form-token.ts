import { createHmac, timingSafeEqual } from 'node:crypto';

// The booking form's token: the day it was rendered and a MAC of (tenant, day) under a key derived
// from the master key. A post without one from this site's own page in the last day or two is
// refused; the token stays the same all day, so a cached page (and its ETag) stays valid.

const DAY_MS = 86_400_000;

const keyOf = (masterKey: Buffer) => createHmac('sha256', masterKey).update('servicepro website form tokens').digest();
const mac = (masterKey: Buffer, tenantId: string, day: number) => createHmac('sha256', keyOf(masterKey)).update(`${tenantId}:${day}`).digest('base64url').slice(0, 24);

export function formToken(masterKey: Buffer, tenantId: string, now = Date.now()): string {
  const day = Math.floor(now / DAY_MS);
  return `${day}.${mac(masterKey, tenantId, day)}`;
}

/** Valid for the day it was issued and the next one: a page left open overnight can still be sent. */
export function formTokenValid(masterKey: Buffer, tenantId: string, token: string, now = Date.now()): boolean {
  const [dayText, given] = token.split('.');
  const day = Number(dayText);
  const today = Math.floor(now / DAY_MS);
  if (!given || !Number.isInteger(day) || day < today - 1 || day > today) return false;
  const expected = Buffer.from(mac(masterKey, tenantId, day));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
