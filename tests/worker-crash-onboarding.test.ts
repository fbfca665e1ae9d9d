// Twenty businesses finishing their wizard while the worker is killed (SIGKILL) again and again at
// random moments — and Twilio failing some purchases: every business ends provisioned with exactly one
// number and one live subscription, or rolled back with none. No orphan number, no orphan subscription.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import type { OnboardingProgress } from '../domain/onboarding/steps.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { availableNumber, completeSteps, finish, signUp, wizardAnswers, type Signed } from './onboarding-fixtures.ts';
import { uniqueId } from './stack.ts';
import { workerProcesses } from './worker-process.ts';

let t: TestApp;
let api: TestApp;
const taskQueue = uniqueId('crash-onboarding-tq');
const workers = workerProcesses(taskQueue, () => t.providerEnv);
const RUNS = 20;
/** One area code per business, so no two pick the same number (that case: onboarding-saga.test.ts). */
const AREA_CODES = ['918', '405', '212', '415', '303', '617', '312', '206', '512', '614', '713', '214', '404', '305', '602', '702', '801', '503', '615', '816'];

beforeAll(async () => {
  t = await createTestApp();
  const app = createApp({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: taskQueue } }, { accountLimits: { signupsPerAddress: 1_000 } });
  const call: TestApp['call'] = (method, url, { token, body } = {}) =>
    Promise.resolve(app.request(url, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) }));
  api = { ...t, app, call } as TestApp;
});
afterAll(async () => {
  workers.killAll();
  await t?.close();
});

const subscriptionsOf = (tenantId: string) => t.stripe.subscriptions().filter((s) => (s.metadata as Record<string, string>).tenant_id === tenantId);

async function progressOf(who: Signed): Promise<OnboardingProgress | null> {
  const response = await api.call('GET', `/api/tenants/${who.tenantId}/onboarding`, { token: who.token });
  return response.status === 200 ? ((await response.json()) as OnboardingProgress) : null;
}

describe('workers killed while businesses are provisioned', () => {
  it(`${RUNS} finishes, the worker killed at random steps: each business has one number and one subscription, or none`, async () => {
    let worker = await workers.start();
    const businesses: { who: Signed; phoneNumber: string }[] = [];
    // Five wizards at a time (signups hash passwords: the machine's two cores are the limit).
    for (let batch = 0; batch < RUNS; batch += 5) {
      const ready = await Promise.all(
        AREA_CODES.slice(batch, batch + 5).map(async (areaCode) => {
          const who = await signUp(api);
          const phoneNumber = await availableNumber(api, who, areaCode);
          await completeSteps(api, who, wizardAnswers(who, { phone: { phoneNumber } }));
          return { who, phoneNumber };
        }),
      );
      businesses.push(...ready);
    }
    // Twilio has a bad moment too: some purchases are retried, one may fail its attempt and be rolled back.
    t.twilio.failNextPurchases(6);
    await Promise.all(businesses.map(({ who }) => finish(api, who).then((r) => expect(r.status).toBe(202))));

    for (let kill = 0; kill < 4; kill += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 2_500)));
      worker.kill('SIGKILL');
      worker = await workers.start();
    }

    const settled = async () => {
      const all = await Promise.all(businesses.map(({ who }) => progressOf(who)));
      return all.every((p) => p?.status === 'complete' || p?.status === 'failed') ? all : null;
    };
    await expect.poll(settled, { timeout: 240_000, interval: 1_000 }).not.toBeNull();
    const outcomes = (await settled())!;

    for (const [i, { who, phoneNumber }] of businesses.entries()) {
      const complete = outcomes[i]!.status === 'complete';
      const owned = t.twilio.ownedNumbers().filter((n) => n.friendlyName === who.tenantId || n.phoneNumber === phoneNumber);
      const bought = [...owned, ...t.twilio.releasedNumbers().filter((n) => n.phoneNumber === phoneNumber)];
      const config = await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId: who.tenantId } });
      expect({ tenant: who.tenantId, status: config.status, owned: owned.length, live: subscriptionsOf(who.tenantId).filter((s) => s.status !== 'canceled').length }).toEqual({ tenant: who.tenantId, status: complete ? 'trialing' : 'failed', owned: complete ? 1 : 0, live: complete ? 1 : 0 });
      // Never bought twice: one purchase of the number per attempt at most.
      expect(bought.length).toBeLessThanOrEqual(outcomes[i]!.provisioning!.attempt);
      expect(subscriptionsOf(who.tenantId).length).toBeLessThanOrEqual(outcomes[i]!.provisioning!.attempt);
    }
    expect(outcomes.filter((p) => p!.status === 'complete').length).toBeGreaterThan(RUNS / 2);
  }, 420_000);
});
