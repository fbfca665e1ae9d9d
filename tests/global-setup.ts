import type { TestProject } from 'vitest/node';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { acquireShared } from './shared-setup.ts';
import type { TestStack } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * Real Postgres and a real Temporal server for the whole run; only providers are faked. The
 * integration and browser projects both list this setup: the first starts the stack, the other
 * shares it, and it stops after the last of them (vitest tears every project down at the end).
 */
export default async function setup(project: TestProject) {
  const { value: stack, release } = await acquireShared<TestStack>('stack', async () => {
    const started = Date.now();
    const stack = await startEphemeralStack({
      // Lets a test drive an entity workflow to continue-as-new with tens of events, not thousands.
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
    });
    console.log(`test stack ready in ${Date.now() - started} ms (postgres + temporal ${stack.temporalAddress})`);
    return stack;
  });
  project.provide('stack', stack);
  return release;
}
