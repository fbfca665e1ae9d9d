import { SignJWT, jwtVerify } from 'jose';
import { deriveKey } from '../../domain/secrets.ts';

const ISSUER = 'servicepro';

export function sessionKey(masterKey: Buffer): Uint8Array {
  return deriveKey(masterKey, 'session-tokens');
}

/** A signed session token (HS256 JWT) that names the user and expires. */
export async function issueToken(key: Uint8Array, userId: string, ttlHours: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

/** The user id in a valid, unexpired token; null for anything else. */
export async function userIdFromToken(key: Uint8Array, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
