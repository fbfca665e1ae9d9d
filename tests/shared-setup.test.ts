// The stack the integration and browser projects share: started once, stopped after the last
// project lets go of it, and a start that failed is tried again by the next project that asks.
import { describe, expect, it } from 'vitest';
import { acquireShared } from './shared-setup.ts';

function countingStart() {
  const calls = { starts: 0, stops: 0 };
  const start = async () => {
    calls.starts += 1;
    return { port: 5432, stop: async () => void (calls.stops += 1) };
  };
  return { calls, start };
}

const key = () => `test-${Math.random().toString(36).slice(2)}`;

describe('acquireShared', () => {
  it('starts once for every project that asks, and stops after the last release only', async () => {
    const { calls, start } = countingStart();
    const name = key();
    const integration = await acquireShared(name, start);
    const browser = await acquireShared(name, start);
    expect(calls.starts).toBe(1);
    expect(browser.value).toEqual({ port: 5432 });
    expect(integration.value).toEqual(browser.value);
    await integration.release();
    await integration.release(); // a second release by the same project counts once
    expect(calls.stops).toBe(0);
    await browser.release();
    expect(calls.stops).toBe(1);
  });

  it('two projects asking at once still share one start', async () => {
    const { calls, start } = countingStart();
    const name = key();
    const [a, b] = await Promise.all([acquireShared(name, start), acquireShared(name, start)]);
    expect(calls.starts).toBe(1);
    await Promise.all([a.release(), b.release()]);
    expect(calls.stops).toBe(1);
  });

  it('after a failed start the next project starts again (and reports its own failure if that fails too)', async () => {
    const name = key();
    await expect(acquireShared(name, () => Promise.reject(new Error('postgres did not start')))).rejects.toThrow('postgres did not start');
    const { calls, start } = countingStart();
    const retried = await acquireShared(name, start);
    expect(calls.starts).toBe(1);
    await retried.release();
    expect(calls.stops).toBe(1);
  });

  it('after the last release a later run starts afresh', async () => {
    const { calls, start } = countingStart();
    const name = key();
    await (await acquireShared(name, start)).release();
    await (await acquireShared(name, start)).release();
    expect(calls).toEqual({ starts: 2, stops: 2 });
  });
});
