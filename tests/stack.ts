import { inject } from 'vitest';
import type { EphemeralStack } from '../scripts/ephemeral-stack.ts';

export type TestStack = EphemeralStack;

export function testStack(): TestStack {
  return inject('stack');
}

/** A unique id for this test's data, so files can share one database and one Temporal. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
