// Which way the code depends (DESIGN.md), as data: scripts/layers/check.test.ts fails the suite on
// any import against it. docs/architecture.md draws the same picture.
//
// Every file belongs to the first layer whose pattern matches its path. A file may import its own
// layer, and the layers its rule lists: `imports` for anything, `typesFrom` for `import type` only.
// A type-only import is erased at compile time, so it couples no process or bundle to the other
// layer's code; that is how workflows name their activities (`proxyActivities<…>`) and how the web
// app reads the API's answers.

export type Layer =
  | 'domain'
  | 'workflow-messages'
  | 'workflows'
  | 'activities'
  | 'worker-runtime'
  | 'worker-client'
  | 'worker'
  | 'api'
  | 'prisma'
  | 'web'
  | 'scripts'
  | 'bench'
  | 'tests'
  | 'tooling';

/** First match wins: test files go with the tests whatever their folder. */
export const LAYERS: { layer: Layer; path: RegExp; holds: string }[] = [
  { layer: 'tests', path: /^tests\/|\.test\.tsx?$/, holds: 'tests/ and every *.test.ts: fixtures, harnesses and the tests themselves' },
  { layer: 'bench', path: /^bench\//, holds: 'benchmarks' },
  { layer: 'scripts', path: /^scripts\//, holds: 'the dev stack launcher, migration runner, tools, CLIs' },
  { layer: 'tooling', path: /^[^/]+$|^web\/vite\.config\.ts$/, holds: 'build and test configuration run by Node (vitest.config.ts, prisma.config.ts, web/vite.config.ts)' },
  { layer: 'domain', path: /^domain\//, holds: 'pure rules shared by all: no I/O, no Temporal runtime' },
  { layer: 'workflow-messages', path: /^workflows\/([^/]+\.messages\.ts|search-attributes\.ts)$/, holds: "each workflow's signals, updates, queries and their shapes; the search attribute keys" },
  { layer: 'workflows', path: /^workflows\//, holds: 'workflow code, run in the deterministic sandbox' },
  { layer: 'activities', path: /^activities\//, holds: 'the side effects: providers, database writes, files' },
  { layer: 'worker-runtime', path: /^workers\/runtime\//, holds: 'what the API and worker processes share: connections (deps), logger, Temporal client, payload codec' },
  { layer: 'worker-client', path: /^workers\/client\//, holds: 'client helpers that start, signal and query workflows, for the API and the worker alike' },
  { layer: 'worker', path: /^workers\//, holds: 'the worker process: Temporal Worker, workflow bundle, activities registered' },
  { layer: 'api', path: /^api\//, holds: 'the Hono app, its routes and the local provider sandboxes' },
  { layer: 'prisma', path: /^prisma\//, holds: 'schema, client, tenant scoping, seed, and database steps the API and activities share' },
  { layer: 'web', path: /^web\//, holds: 'the React app (HTTP only to the API)' },
];

export interface LayerRule {
  imports: Layer[];
  typesFrom?: Layer[];
  /** When set, the only npm packages (and Node built-ins) the layer may load at run time. */
  packages?: string[];
  why: string;
}

/** Workflow code runs in Temporal's sandbox: its SDK, the lock, and nothing that does I/O. */
const SANDBOX_PACKAGES = ['@temporalio/workflow', '@temporalio/common', 'async-mutex'];
const EVERYTHING_BUT_TESTS: Layer[] = ['domain', 'workflow-messages', 'workflows', 'activities', 'worker-runtime', 'worker-client', 'worker', 'api', 'prisma', 'web', 'scripts', 'tooling'];

export const RULES: Record<Layer, LayerRule> = {
  domain: { imports: [], why: 'domain/ is shared by every process and the browser: libraries only, nothing of ours' },
  'workflow-messages': {
    imports: ['domain'],
    typesFrom: ['activities'],
    packages: SANDBOX_PACKAGES,
    why: 'message definitions are imported by the API and activities without the workflow code (as in Temporal\'s early-return sample, shared.ts)',
  },
  workflows: {
    imports: ['domain', 'workflow-messages'],
    typesFrom: ['activities'],
    packages: SANDBOX_PACKAGES,
    why: 'workflows are deterministic: domain/ and their messages; activities only as types (proxyActivities)',
  },
  activities: {
    imports: ['domain', 'prisma', 'workflow-messages'],
    typesFrom: ['workflows'],
    why: 'activities reach the outside world through provider SDKs and prisma/; of workflows only their messages (to signal) and types',
  },
  'worker-runtime': {
    imports: ['domain', 'prisma'],
    why: 'the shared runtime is imported by the API too, so it imports only what the API may',
  },
  'worker-client': {
    imports: ['domain', 'prisma', 'workflow-messages', 'worker-runtime'],
    typesFrom: ['workflows', 'activities'],
    why: 'client helpers are imported by the API: workflow messages and types, never workflow code',
  },
  worker: {
    imports: ['workflows', 'workflow-messages', 'activities', 'domain', 'prisma', 'worker-runtime', 'worker-client'],
    why: 'the worker process puts workflows and activities together; it builds no HTTP answers and imports nothing of api/',
  },
  api: {
    imports: ['worker-runtime', 'worker-client', 'workflow-messages', 'domain', 'prisma'],
    typesFrom: ['workflows', 'activities'],
    why: 'the API turns requests into workflow starts, signals, updates and queries: never activity or workflow code, nothing of the worker process or scripts/',
  },
  prisma: { imports: ['domain'], why: 'the database layer is imported by the API, activities and scripts alike: domain/ only' },
  web: {
    imports: ['domain'],
    typesFrom: ['api'],
    why: 'the browser reaches the API over HTTP only: browser-safe domain/ rules, and the API\'s answers as types',
  },
  scripts: { imports: EVERYTHING_BUT_TESTS, why: 'scripts may use anything of the product, but not tests/ or bench/' },
  tooling: { imports: EVERYTHING_BUT_TESTS, why: 'configuration may use anything of the product, but not tests/ or bench/' },
  bench: { imports: [...EVERYTHING_BUT_TESTS, 'tests', 'bench'], why: 'benchmarks may use anything, test fixtures included' },
  tests: { imports: [...EVERYTHING_BUT_TESTS, 'tests', 'bench'], why: 'tests may use anything' },
};

/** Layers whose run-time imports (followed through our own modules) must load in a browser. */
export const BROWSER_LAYERS: Layer[] = ['web'];
