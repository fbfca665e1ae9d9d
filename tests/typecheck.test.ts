import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

// Strict TypeScript everywhere: the suite fails when any file does not typecheck.
it('the whole project typechecks (tsc --noEmit, strict)', () => {
  const result = spawnSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { encoding: 'utf8' });
  expect(result.stdout + result.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(result.status).toBe(0);
});
