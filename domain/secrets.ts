import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// AES-256-GCM: a 12-byte random nonce and a 16-byte auth tag travel with each ciphertext.
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function encryptBytes(key: Buffer, plaintext: Uint8Array, associatedData?: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  if (associatedData) cipher.setAAD(associatedData);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

export function decryptBytes(key: Buffer, sealed: Uint8Array, associatedData?: Uint8Array): Buffer {
  const data = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
  if (associatedData) decipher.setAAD(associatedData);
  decipher.setAuthTag(data.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
}

/** A secret at rest (e.g. a SIP password), as `v1.<base64>`; the column name binds it via AAD. */
export function sealSecret(key: Buffer, plaintext: string, purpose: string): string {
  return `v1.${encryptBytes(key, Buffer.from(plaintext, 'utf8'), Buffer.from(purpose)).toString('base64')}`;
}

export function openSecret(key: Buffer, sealed: string, purpose: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown secret format');
  return decryptBytes(key, Buffer.from(sealed.slice(3), 'base64'), Buffer.from(purpose)).toString('utf8');
}

/** A purpose-specific subkey, so one configured key never signs and encrypts with the same bytes. */
export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return createHmac('sha256', masterKey).update(`servicepro:${purpose}`).digest();
}

/**
 * A stable stand-in for a value that must not appear itself — a caller's number in an outbox key
 * that reaches log lines. Keyed (HMAC), so it cannot be reversed by hashing every phone number.
 */
export function keyedDigest(masterKey: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', deriveKey(masterKey, purpose)).update(value).digest('hex').slice(0, 24);
}
