// `prisma generate` needs no schema engine, but the CLI insists one exists: point it at any
// file when Prisma's download server is out of reach (as on our CI machines).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.join(tmpdir(), 'servicepro-no-schema-engine');
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
