import type { TestProject } from 'vitest/node';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { chromiumExecutablePath } from './e2e/browser.ts';
import type { TestStack } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/** Real Postgres and a real Temporal server for the whole run; only providers are faked. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  // The browser tests' Chromium, unpacked once here before test files run side by side (see browser.ts).
  const browser = chromiumExecutablePath().catch((error: Error) => console.warn(`no Chromium for the browser tests: ${error.message}`));
  const { stop, ...stack } = await startEphemeralStack({
    // Lets a test drive an entity workflow to continue-as-new with tens of events, not thousands.
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
  });
  project.provide('stack', stack);
  await browser;
  console.log(`test stack ready in ${Date.now() - started} ms (postgres + temporal ${stack.temporalAddress})`);
  return stop;
}
