// vitest.config.ts's projects: every test file runs in exactly one of them, the unit project starts
// nothing, and the projects that need the stack list the same setup (which shares one stack).
import { createVitest } from 'vitest/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Vitest = Awaited<ReturnType<typeof createVitest>>;
let vitest: Vitest;
let filesByProject: Record<string, string[]>;

beforeAll(async () => {
  vitest = await createVitest('test', { watch: false, config: 'vitest.config.ts' }, {}, {});
  filesByProject = {};
  for (const spec of await vitest.globTestSpecifications()) (filesByProject[spec.project.name] ??= []).push(spec.moduleId.slice(vitest.config.root.length + 1));
});
afterAll(() => vitest?.close());

const project = (name: string) => vitest.projects.find((candidate) => candidate.name === name)!;

describe('test projects', () => {
  it('are unit, integration and browser; each test file is in exactly one', () => {
    expect(Object.keys(filesByProject).sort()).toEqual(['browser', 'integration', 'unit']);
    const all = Object.values(filesByProject).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(filesByProject.browser!.every((file) => file.startsWith('tests/e2e/'))).toBe(true);
    expect(filesByProject.unit).toContain('domain/ivr.test.ts');
    expect(filesByProject.unit).toContain('web/src/components/registry/tenant-form.test.ts');
    expect(filesByProject.integration).toContain('workflows/billing.test.ts');
  });

  it('the unit project starts no stack; integration and browser share the one setup', () => {
    expect(project('unit').config.globalSetup).toEqual([]);
    const stackSetup = (name: string) => [project(name).config.globalSetup].flat().filter((file) => file.endsWith('tests/global-setup.ts'));
    expect(stackSetup('integration')).toHaveLength(1);
    expect(stackSetup('browser')).toEqual(stackSetup('integration'));
  });
});
