import { createHash, randomBytes } from 'node:crypto';

// The secrets in emailed links (invites, password resets): 256 random bits, base64url. Only their
// SHA-256 is stored and looked up — a fast hash is enough for a token nobody can guess, and a
// database leak then yields no working link.

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
