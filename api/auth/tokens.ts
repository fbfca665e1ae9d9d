import { SignJWT, jwtVerify } from 'jose';
import { deriveKey } from '../../domain/secrets.ts';
import { isUuid } from '../../domain/ids.ts';

const ISSUER = 'servicepro';

export function sessionKey(masterKey: Buffer): Uint8Array {
  return deriveKey(masterKey, 'session-tokens');
}

/** A signed session token (HS256 JWT): the user (`sub`), the server-side session (`jti`) and its expiry. */
export async function issueToken(key: Uint8Array, claims: { userId: string; sessionId: string; expiresAt: Date }, now = new Date()): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setJti(claims.sessionId)
    .setIssuer(ISSUER)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(key);
}

export interface TokenClaims {
  userId: string;
  sessionId: string;
}

/**
 * The user and session a valid, unexpired token names; null for anything else. `exp` is
 * required (a token without one would work forever), and both ids must be UUIDs: they go
 * straight into database lookups.
 */
export async function readToken(key: Uint8Array, token: string): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'jti'] });
    if (!isUuid(payload.sub) || !isUuid(payload.jti)) return null;
    return { userId: payload.sub, sessionId: payload.jti };
  } catch {
    return null;
  }
}
