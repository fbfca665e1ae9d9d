// `npm test`: the whole suite (unit, integration, browser) against a real Postgres and Temporal
// started by tests/global-setup.ts, ending with the plain line `N passed, N failed`. A test file
// that fails to run (an import error, a failing beforeAll such as a browser that cannot launch)
// runs none of its tests: it counts as a failure, is named on the line before, and fails the exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

const report = path.resolve(process.env.TEST_REPORT_FILE ?? 'test-results/vitest.json');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true }); // a report left by an earlier run must not speak for this one
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });

let summary = 'no test report was written';
let failedToRun: string[] = [];
try {
  const result = JSON.parse(readFileSync(report, 'utf8')) as VitestJsonReport;
  // Failed files with no failed test of their own never got to run their tests.
  failedToRun = result.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')).map((file) => path.basename(file.name)).sort();
  summary = `${result.numPassedTests} passed, ${result.numFailedTests + failedToRun.length} failed`;
  if (result.numPendingTests + result.numTodoTests > 0) summary += `, ${result.numPendingTests + result.numTodoTests} skipped`;
} catch {
  // No report (vitest crashed before writing one): the summary says so and the exit code fails.
}
if (failedToRun.length) console.log(`${failedToRun.length} test file${failedToRun.length === 1 ? '' : 's'} failed to run: ${failedToRun.join(', ')}`);
console.log(summary);
process.exitCode = run.status === 0 && failedToRun.length === 0 && summary !== 'no test report was written' ? 0 : 1;
