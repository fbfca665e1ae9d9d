import { ApplicationFailure } from '@temporalio/common';
import { createApp } from '../api/app.ts';
import { createActivities, type Activities } from '../activities/index.ts';
import { workflowBundle } from '../workers/worker.ts';
import type { TestApp } from './app-harness.ts';
import { withTestWorker } from './test-worker.ts';

// The onboarding workflow on a worker of its own whose activities are the real ones, except those a
// test makes fail once (after doing their work, when `after` is set): a failure injected at one saga step.

export type ActivityName = keyof Activities;

export interface Injection {
  activity: ActivityName;
  /** Run the real activity first, then fail: a step that half-happened (bought, then lost the answer). */
  after?: boolean;
}

export async function withFailingWorker<T>(t: TestApp, injections: Injection[], run: (app: TestApp, armed: Set<ActivityName>) => Promise<T>): Promise<T> {
  const real = createActivities(t.deps);
  const armed = new Set(injections.map((i) => i.activity));
  const overrides = Object.fromEntries(
    injections.map(({ activity, after }) => [
      activity,
      async (input: never) => {
        if (!armed.has(activity)) return (real[activity] as (i: never) => Promise<unknown>)(input);
        armed.delete(activity); // once: finishing again succeeds
        if (after) await (real[activity] as (i: never) => Promise<unknown>)(input);
        throw ApplicationFailure.nonRetryable(`injected failure in ${activity}`, 'InjectedFailure');
      },
    ]),
  );
  return withTestWorker({ activities: { ...real, ...overrides }, workflows: { workflowBundle: await workflowBundle() } }, async (taskQueue) => {
    // The API as deployed, starting onboarding workflows on this worker's task queue.
    const api = createApp({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: taskQueue } }, { accountLimits: { signupsPerAddress: 1_000 } });
    const call: TestApp['call'] = (method, url, { token, body } = {}) =>
      Promise.resolve(api.request(url, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) }));
    return run({ ...t, app: api, call } as TestApp, armed);
  });
}
