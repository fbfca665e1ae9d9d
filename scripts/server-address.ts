// Where a running `npm start` answers, written into its data dir, so `npm run call` (and anything
// else run from the same folder) finds it without being told PORT or PUBLIC_BASE_URL again.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const addressFile = (dataDir: string) => path.join(dataDir, 'run', 'api.json');

export function recordServerAddress(dataDir: string, publicBaseUrl: string): void {
  mkdirSync(path.dirname(addressFile(dataDir)), { recursive: true });
  writeFileSync(addressFile(dataDir), JSON.stringify({ publicBaseUrl }));
}

export function forgetServerAddress(dataDir: string): void {
  rmSync(addressFile(dataDir), { force: true });
}

/** The PUBLIC_BASE_URL of the `npm start` running from `dataDir`, if one is. */
export function recordedServerAddress(dataDir: string): string | null {
  if (!existsSync(addressFile(dataDir))) return null;
  try {
    const { publicBaseUrl } = JSON.parse(readFileSync(addressFile(dataDir), 'utf8')) as { publicBaseUrl?: unknown };
    return typeof publicBaseUrl === 'string' ? publicBaseUrl : null;
  } catch {
    return null;
  }
}
