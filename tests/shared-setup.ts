// vitest runs each project's globalSetup on its own (and loads the file afresh for each, so module
// state is not shared): the integration and browser projects would start two stacks. Both ask here
// instead, keyed on globalThis — the one thing the projects' setups share in vitest's main process.

interface Shared<T> {
  value: Promise<T & { stop: () => Promise<void> }>;
  users: number;
}

/**
 * `start` once for every project that needs it; each caller gets the same value and must call the
 * returned `release` once. The last release stops it — after the last project's tests have run.
 */
export async function acquireShared<T>(key: string, start: () => Promise<T & { stop: () => Promise<void> }>): Promise<{ value: T; release: () => Promise<void> }> {
  const slot = Symbol.for(`servicepro.shared-setup.${key}`);
  const registry = globalThis as unknown as Record<symbol, Shared<T> | undefined>;
  let shared = registry[slot];
  if (!shared) {
    shared = { value: start(), users: 0 };
    registry[slot] = shared;
    // A start that fails is not kept: the next project to ask tries again and reports its own failure.
    shared.value.catch(() => {
      if (registry[slot] === shared) delete registry[slot];
    });
  }
  shared.users += 1;
  const ours = shared;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    ours.users -= 1;
    if (ours.users > 0) return;
    if (registry[slot] === ours) delete registry[slot];
    await (await ours.value).stop();
  };
  try {
    const { stop: _stop, ...value } = await ours.value;
    return { value: value as unknown as T, release };
  } catch (error) {
    ours.users -= 1;
    throw error;
  }
}
