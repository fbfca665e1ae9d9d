import { defineConfig } from 'vitest/config';

// The tiny suite scripts/test.test.ts runs `npm test`'s summary over: no stack, no globalSetup.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['*.fixture.ts'], pool: 'forks', maxWorkers: 1 },
});
