// The layers of DESIGN.md ("Which way the code depends"), kept by a test: the whole tree against
// scripts/layers/rules.ts, and the checker itself against a small tree with one wrong import of each kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, formatViolation, layerOf } from './check.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('import directions', () => {
  it('every import in the tree goes the way scripts/layers/rules.ts allows', () => {
    expect(checkLayers(ROOT).map(formatViolation)).toEqual([]);
  });

  it('sorts files into layers by folder, test files with the tests', () => {
    expect(layerOf('workflows/call.ts')).toBe('workflows');
    expect(layerOf('workflows/call.messages.ts')).toBe('workflow-messages');
    expect(layerOf('workflows/search-attributes.ts')).toBe('workflow-messages');
    expect(layerOf('workers/runtime/deps.ts')).toBe('worker-runtime');
    expect(layerOf('workers/main.ts')).toBe('worker');
    expect(layerOf('api/twilio/voice.test.ts')).toBe('tests');
    expect(layerOf('web/vite.config.ts')).toBe('tooling');
    expect(layerOf('web/src/App.tsx')).toBe('web');
  });
});

describe('the checker, on a small tree', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, source: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  };

  write('domain/rule.ts', "export const rule = 1;\n");
  write('domain/secret.ts', "import { randomBytes } from 'node:crypto';\nexport const secret = () => randomBytes(4);\n");
  write('domain/ping.ts', "import { pong } from './pong.ts';\nexport const ping = () => pong;\n");
  write('domain/pong.ts', "import { ping } from './ping.ts';\nexport const pong = () => ping;\n");
  write('domain/shape.ts', "import type { Shaped } from './shaped.ts';\nexport interface Shape { of?: Shaped }\n");
  write('domain/shaped.ts', "import type { Shape } from './shape.ts';\nexport interface Shaped { in?: Shape }\n");
  write('workflows/call.messages.ts', "import { defineSignal } from '@temporalio/workflow';\nexport const ended = defineSignal('ended');\n");
  write('workflows/call.ts', "import { readFile } from 'node:fs';\nimport type { Activities } from '../activities/index.ts';\nexport async function callWorkflow() { return readFile; }\n");
  write('activities/index.ts', "import { createCalls } from './calls.ts';\nexport interface ActivityDeps { db: string }\nexport const createActivities = (deps: ActivityDeps) => createCalls(deps);\n");
  write('activities/calls.ts', "import type { ActivityDeps } from './index.ts';\nexport const createCalls = (deps: ActivityDeps) => deps;\n");
  write('api/voice.ts', [
    "import { callWorkflow } from '../workflows/call.ts';",
    "import type { callWorkflow as CallWorkflow } from '../workflows/call.ts';",
    "import { type Activities } from '../activities/index.ts';",
    "import { ended } from '../workflows/call.messages.ts';",
    "import { tool } from '../scripts/tool.ts';",
    "export const route = () => import('../workers/main.ts');",
    '',
  ].join('\n'));
  write('scripts/tool.ts', "import { fixture } from '../tests/fixture.ts';\nexport const tool = fixture;\n");
  write('tests/fixture.ts', "import { rule } from '../domain/rule.ts';\nexport const fixture = rule;\n");
  write('api/voice.test.ts', "import { fixture } from '../tests/fixture.ts';\nimport { callWorkflow } from '../workflows/call.ts';\n");
  write('activities/index.test.ts', "import { createActivities } from './index.ts';\n");
  write('workers/main.ts', "import { callWorkflow } from '../workflows/call.ts';\nimport { createActivities } from '../activities/index.ts';\n");
  write('web/src/Page.tsx', "import { secret } from '../../domain/secret.ts';\nimport type { route } from '../../api/voice.ts';\nexport const Page = () => <p>{String(secret())}</p>;\n");

  const found = () => checkLayers(root).map((violation) => `${violation.file}:${violation.line} ${violation.message.split(':')[0]}`);

  it('names each import against the direction, with its line', () => {
    expect(found()).toEqual([
      'activities/calls.ts:1 imports activities/index.ts, which imports it back',
      'api/voice.ts:1 imports workflows/call.ts, but api may import only types from workflows (write `import type`)',
      // `import { type X }` still loads the module under verbatimModuleSyntax: not a type-only import.
      'api/voice.ts:3 imports activities/index.ts, but api may import only types from activities (write `import type`)',
      'api/voice.ts:5 imports scripts/tool.ts, but api may import worker-runtime, worker-client, workflow-messages, domain, prisma, types of workflows, types of activities',
      'api/voice.ts:6 imports workers/main.ts, but api may import worker-runtime, worker-client, workflow-messages, domain, prisma, types of workflows, types of activities',
      'domain/ping.ts:1 run-time import cycle between domain/ping.ts, domain/pong.ts',
      "domain/secret.ts:1 loads 'node",
      "scripts/tool.ts:1 imports tests/fixture.ts, but scripts may import domain, workflow-messages, workflows, activities, worker-runtime, worker-client, worker, api, prisma, web, scripts, tooling",
      "workflows/call.ts:1 workflows may load only @temporalio/workflow, @temporalio/common, async-mutex at run time, not 'node",
    ]);
  });

  it('says how the browser reaches a Node built-in', () => {
    const browser = checkLayers(root).find((violation) => violation.file === 'domain/secret.ts')!;
    expect(browser.message).toBe("loads 'node:crypto', which no browser has, and the web app reaches it: web/src/Page.tsx → domain/secret.ts");
  });
});
