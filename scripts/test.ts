// `npm test`: the whole suite (unit, integration, browser) against a real Postgres and Temporal
// started by tests/global-setup.ts, ending with the plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const report = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });

let summary = 'no test report was written';
try {
  const result = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  summary = `${result.numPassedTests} passed, ${result.numFailedTests} failed`;
  if (result.numPendingTests + result.numTodoTests > 0) summary += `, ${result.numPendingTests + result.numTodoTests} skipped`;
} catch {
  process.exitCode = 1;
}
console.log(summary);
process.exitCode = run.status ?? 1;
