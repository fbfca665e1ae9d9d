import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface DevSecrets {
  encryptionKey: string;
  ownerPassword: string;
}

/**
 * For the embedded stack only: an encryption key and an owner password made on first start and
 * kept in the data folder, so SIP passwords, Temporal payloads and the login survive restarts.
 * Production sets SERVICEPRO_ENCRYPTION_KEY and SERVICEPRO_ADMIN_PASSWORD instead.
 */
export function loadDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    encryptionKey: randomBytes(32).toString('base64'),
    ownerPassword: randomBytes(9).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
