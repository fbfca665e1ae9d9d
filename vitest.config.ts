import { defineConfig } from 'vitest/config';

// Three projects (`npx vitest run --project unit`, …); `npm test` runs them all.
// * unit — pure code: no Postgres, no Temporal, no browser; runs in seconds.
// * integration — everything else, against the real stack tests/global-setup.ts starts.
// * browser — tests/e2e/**, headless Chromium against the same stack.
// A test file lands in exactly one project: integration takes what the other two do not list,
// so a new test file gets the stack unless it is named here as unit. Checks that need no stack but
// take longer than seconds (the typecheck, `npm test`'s own summary) stay in integration.

/** Test files that need neither the stack nor a browser. */
const UNIT = [
  'domain/**/*.test.ts',
  'web/src/**/*.test.ts',
  'activities/stripe-client.test.ts',
  'activities/twilio-client.test.ts',
  'api/sandbox/call-simulator.test.ts',
  'api/sites/render/**/*.test.ts',
  'api/sandbox/sandbox-pages.security.test.ts',
  'api/sandbox/twiml-parser.test.ts',
  'api/tenants/pagination.test.ts',
  'scripts/layers/check.test.ts',
  'tests/docker-compose.test.ts',
  'tests/shared-setup.test.ts',
  'tests/test-projects.test.ts',
  'workers/runtime/logger.test.ts',
];
const BROWSER = ['tests/e2e/**/*.test.ts'];
const EVERY_TEST = ['**/*.test.ts', '**/*.test.tsx'];
const NEVER = ['node_modules/**', 'prisma/generated/**', 'web/dist/**'];

/** What every project shares (not set on the root: a project that extends it would merge the root's include into its own). */
const common = { exclude: NEVER, testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' } as const;

/** The real stack, started once however many projects list it (tests/shared-setup.ts). */
const STACK_SETUP = 'tests/global-setup.ts';

export default defineConfig({
  test: {
    // Two cores: the database, Temporal and the worker bundles share them with the tests.
    maxWorkers: 2,
    projects: [
      // Pure code runs in worker threads: no process per file to start.
      { test: { ...common, name: 'unit', include: UNIT, pool: 'threads' } },
      { test: { ...common, name: 'integration', include: EVERY_TEST, exclude: [...NEVER, ...UNIT, ...BROWSER], globalSetup: [STACK_SETUP] } },
      { test: { ...common, name: 'browser', include: BROWSER, globalSetup: [STACK_SETUP, 'tests/e2e/global-setup.ts'] } },
    ],
  },
});
