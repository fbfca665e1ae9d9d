import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisioningStepName } from '../domain/onboarding/steps.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { availableNumber, completeSteps, finish, progressOf, signUp, wizardAnswers, type Signed } from '../tests/onboarding-fixtures.ts';
import { withFailingWorker, type Injection } from '../tests/onboarding-worker.ts';

// A failure injected at each provisioning step compensates exactly what was done, newest first:
// the number released, the subscription cancelled, the site unpublished, the services removed, the
// tenant `failed` — and nothing of the steps after it was touched. Finishing again then provisions once.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const subscriptionsOf = (tenantId: string) => t.stripe.subscriptions().filter((s) => (s.metadata as Record<string, string>).tenant_id === tenantId);

async function settled(app: TestApp, who: Signed, status: 'failed' | 'complete') {
  await expect.poll(async () => (await progressOf(app, who)).status, { timeout: 60_000 }).toBe(status);
  return progressOf(app, who);
}

/** What the business holds in the world and in our records, by the saga's steps. */
async function holdings(who: Signed, phoneNumber: string) {
  const tenant = await t.deps.db.tenant.findUniqueOrThrow({ where: { id: who.tenantId }, include: { config: true, phoneConfig: true, billing: true, site: true } });
  return {
    status: tenant.config!.status,
    services: await forTenant(t.deps.db, who.tenantId).service.count(),
    numberOwned: t.twilio.ownedNumbers().some((n) => n.phoneNumber === phoneNumber),
    numberBought: t.twilio.releasedNumbers().some((n) => n.phoneNumber === phoneNumber) || t.twilio.ownedNumbers().some((n) => n.phoneNumber === phoneNumber),
    phoneConfig: tenant.phoneConfig !== null,
    customer: Boolean(tenant.billing?.stripeCustomerId),
    liveSubscriptions: subscriptionsOf(who.tenantId).filter((s) => s.status !== 'canceled').length,
    subscriptions: subscriptionsOf(who.tenantId).length,
    sitePublished: Boolean(tenant.site?.publishedAt),
    site: tenant.site !== null,
  };
}

const CASES: { step: ProvisioningStepName; inject: Injection; reached: Partial<Awaited<ReturnType<typeof holdings>>> }[] = [
  { step: 'tenant', inject: { activity: 'completeTenant' }, reached: { services: 0, numberBought: false, customer: false, site: false } },
  { step: 'pack', inject: { activity: 'seedServices', after: true }, reached: { services: 0, numberBought: false, customer: false, site: false } },
  { step: 'number', inject: { activity: 'buyNumber', after: true }, reached: { services: 0, numberBought: true, numberOwned: false, phoneConfig: false, customer: false, site: false } },
  { step: 'trial', inject: { activity: 'ensureSubscription', after: true }, reached: { services: 0, numberBought: true, numberOwned: false, customer: true, subscriptions: 1, liveSubscriptions: 0, site: false } },
  { step: 'website', inject: { activity: 'publishSite', after: true }, reached: { services: 0, numberOwned: false, subscriptions: 1, liveSubscriptions: 0, site: true, sitePublished: false } },
  { step: 'welcome', inject: { activity: 'sendEmail' }, reached: { services: 0, numberOwned: false, phoneConfig: false, subscriptions: 1, liveSubscriptions: 0, site: true, sitePublished: false } },
];

describe('a provisioning step fails', () => {
  it.each(CASES)('at $step: exactly what was done is undone, the tenant is failed, the wizard offers a retry — and the retry provisions once', async ({ step, inject, reached }) => {
    await withFailingWorker(t, [inject], async (app) => {
      const who = await signUp(app);
      const phoneNumber = await availableNumber(app, who);
      await completeSteps(app, who, wizardAnswers(who, { phone: { phoneNumber } }));
      expect((await finish(app, who)).status).toBe(202);

      const failed = await settled(app, who, 'failed');
      expect(failed.provisioning).toMatchObject({ attempt: 1, canRetry: true, error: { step, message: expect.stringMatching(/Try finishing again/) }, phoneNumber: null });
      const states = Object.fromEntries(failed.provisioning!.steps.map((s) => [s.name, s.state]));
      expect(states[step]).toBe('failed');
      const names = failed.provisioning!.steps.map((s) => s.name);
      for (const after of names.slice(names.indexOf(step) + 1)) expect(states[after]).toBe('pending');
      for (const before of names.slice(0, names.indexOf(step))) expect(states[before]).toBe(before === 'carrier' ? 'done' : 'undone');
      expect(await holdings(who, phoneNumber)).toMatchObject({ status: 'failed', liveSubscriptions: 0, numberOwned: false, phoneConfig: false, sitePublished: false, ...reached });
      expect(failed.step).toBe('finish'); // the wizard is open again: finishing retries

      expect((await finish(app, who)).status).toBe(202);
      const done = await settled(app, who, 'complete');
      expect(done.provisioning).toMatchObject({ attempt: 2, error: null, phoneNumber });
      expect(await holdings(who, phoneNumber)).toMatchObject({ status: 'trialing', services: 2, numberOwned: true, phoneConfig: true, liveSubscriptions: 1, sitePublished: true });
      expect(t.twilio.ownedNumbers().filter((n) => n.phoneNumber === phoneNumber)).toHaveLength(1);
    });
  }, 120_000);

  it('two owners pick the same number: the first to finish gets it, the other is sent back to the phone step — the first keeps it', async () => {
    const [first, second] = [await signUp(t), await signUp(t)];
    const phoneNumber = await availableNumber(t, first);
    for (const who of [first, second]) await completeSteps(t, who, wizardAnswers(who, { phone: { phoneNumber } }));
    await finish(t, first);
    await settled(t, first, 'complete');
    await finish(t, second);
    expect((await settled(t, second, 'failed')).provisioning!.error).toMatchObject({ step: 'number', fixAt: 'phone' });
    expect(await holdings(first, phoneNumber)).toMatchObject({ status: 'trialing', numberOwned: true, phoneConfig: true });
    expect((await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { phoneNumber } })).tenantId).toBe(first.tenantId);
    expect(await availableNumber(t, second)).not.toBe(phoneNumber);
  }, 60_000);

  it('the number taken by someone else meanwhile: the wizard sends the owner back to the phone step with the reason', async () => {
    const who = await signUp(t);
    const phoneNumber = await availableNumber(t, who);
    await completeSteps(t, who, wizardAnswers(who, { phone: { phoneNumber } }));
    t.twilio.takeNumber(phoneNumber);
    await finish(t, who);
    const failed = await settled(t, who, 'failed');
    expect(failed.provisioning!.error).toMatchObject({ step: 'number', fixAt: 'phone', message: expect.stringMatching(/taken by someone else.*pick another/) });
    expect(await holdings(who, phoneNumber)).toMatchObject({ status: 'failed', services: 0, numberOwned: false, customer: false });

    const other = await availableNumber(t, who);
    expect((await t.call('PUT', `/api/tenants/${who.tenantId}/onboarding/phone`, { token: who.token, body: { phoneNumber: other } })).status).toBe(200);
    await finish(t, who);
    expect((await settled(t, who, 'complete')).provisioning!.phoneNumber).toBe(other);
  }, 60_000);
});
