import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../domain/workflow-ids.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { availableNumber, completeSteps, finish, progressOf, signUp, wizardAnswers, type Signed } from '../tests/onboarding-fixtures.ts';
import { queryBillingState } from '../workers/client/tenant-billing.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../tests/replay.ts';

const platformNumber = (t: TestApp) => t.deps.config.PLATFORM_SMS_NUMBER ?? t.deps.config.ROOT_PHONE_NUMBER;

// The onboarding workflow end to end, real Temporal and Postgres, Twilio and Stripe as local fakes:
// finishing the wizard provisions a working business exactly once.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const subscriptionsOf = (tenantId: string) => t.stripe.subscriptions().filter((s) => (s.metadata as Record<string, string>).tenant_id === tenantId);

async function provisioned(who: Signed) {
  await expect.poll(async () => (await progressOf(t, who)).status, { timeout: 30_000 }).toBe('complete');
  return progressOf(t, who);
}

describe('finishing the wizard', () => {
  it('provisions the business: tenant, services, number with our webhooks, trial, website, welcome — and the billing workflow takes over', async () => {
    const who = await signUp(t);
    const phoneNumber = await availableNumber(t, who);
    const answers = wizardAnswers(who, { phone: { phoneNumber } });
    expect((await completeSteps(t, who, answers)).step).toBe('finish');
    const finished = await finish(t, who);
    expect(finished.status).toBe(202);
    expect(await finished.json()).toMatchObject({ status: 'provisioning', provisioning: { attempt: 1 } });

    const progress = await provisioned(who);
    expect(progress.provisioning).toMatchObject({ attempt: 1, error: null, phoneNumber });
    expect(progress.provisioning!.steps.every((s) => s.state === 'done')).toBe(true);

    const tenant = await t.deps.db.tenant.findUniqueOrThrow({ where: { id: who.tenantId }, include: { config: true, phoneConfig: true, billing: true, site: true } });
    expect(tenant.config).toMatchObject({ status: 'trialing', tier: 'pro', businessName: 'Fresh Start Detailing', industry: 'auto-detailing', serviceArea: 'Tulsa and 20 miles around', primaryColor: '#0f766e' });
    expect(tenant.phoneConfig).toMatchObject({ phoneNumber, ivrMode: 'ivr', forwardingNumber: '+19185550177', ownerNotifyPhone: '+19185550177', ownerNotifyEmail: who.email, greetingText: 'Thanks for calling Fresh Start Detailing!', timeZone: 'America/Chicago' });
    expect(tenant.site).toMatchObject({ template: 'classic', publishedAt: expect.any(Date) });
    expect((await forTenant(t.deps.db, who.tenantId).service.findMany({ orderBy: { name: 'asc' } })).map((s) => [s.name, s.durationMin, s.priceCents])).toEqual([['Express wash', 45, 4_900], ['Full detail', 180, 19_900]]);

    const base = t.deps.config.PUBLIC_BASE_URL;
    expect(t.twilio.ownedNumbers().filter((n) => n.phoneNumber === phoneNumber)).toEqual([
      expect.objectContaining({ voiceUrl: `${base}/twilio/voice/incoming`, smsUrl: `${base}/twilio/sms/incoming`, statusCallback: `${base}/twilio/voice/status` }),
    ]);
    const subscriptions = subscriptionsOf(who.tenantId);
    expect(subscriptions.map((s) => s.status)).toEqual(['trialing']);
    expect(tenant.billing).toMatchObject({ stripeSubscriptionId: subscriptions[0]!.id });

    // Carrier registration runs as the saga's child; until it is approved, texts go from the platform number.
    expect((await t.deps.temporal.workflow.getHandle(workflowIds.carrierRegistration(who.tenantId)).describe()).status.name).toBe('RUNNING');
    expect(t.twilio.messages().filter((m) => m.to === '+19185550177' && m.from === platformNumber(t)).map((m) => m.body)).toEqual([expect.stringContaining('Fresh Start Detailing is set up')]);
    expect(await forTenant(t.deps.db, who.tenantId).emailMessage.findMany({ where: { toAddress: who.email } })).toEqual([expect.objectContaining({ subject: 'Fresh Start Detailing is ready on ServicePro', status: 'sent' })]);

    // The billing life runs from here, on the subscription the trial step made (no second one).
    await expect.poll(() => queryBillingState(t.deps.temporal, who.tenantId).catch(() => null), { timeout: 15_000 }).toMatchObject({ status: 'trialing', tier: 'pro', trialEndsAt: expect.any(String) });
    expect(subscriptionsOf(who.tenantId)).toHaveLength(1);
    const onboarding = await t.deps.temporal.workflow.getHandle(workflowIds.onboarding(who.tenantId)).describe();
    expect(onboarding.status.name).toBe('COMPLETED');
    expect(onboarding.searchAttributes).toMatchObject({ TenantStatus: ['trialing'] });
    if (recordingHistories) await recordHistory('onboarding-provisioned.json', await t.deps.temporal.workflow.getHandle(workflowIds.onboarding(who.tenantId)).fetchHistory());
  });

  it('replays a recorded history (signup → every step → finish → provisioned) deterministically', async () => {
    await replayRecorded('onboarding-provisioned.json', 'onboarding:recorded');
  });

  it('a duplicate finish (two at once, then one more) provisions once', async () => {
    const who = await signUp(t);
    const phoneNumber = await availableNumber(t, who);
    await completeSteps(t, who, wizardAnswers(who, { phone: { phoneNumber } }));
    const answers = await Promise.all([finish(t, who), finish(t, who)]);
    expect(answers.map((r) => r.status)).toEqual([202, 202]);
    const progress = await provisioned(who);
    expect(progress.provisioning!.attempt).toBe(1);
    expect((await finish(t, who)).status).toBe(202);
    expect((await progressOf(t, who)).provisioning!.attempt).toBe(1);
    expect(t.twilio.ownedNumbers().filter((n) => n.phoneNumber === phoneNumber)).toHaveLength(1);
    expect(t.twilio.releasedNumbers().filter((n) => n.phoneNumber === phoneNumber)).toHaveLength(0);
    expect(subscriptionsOf(who.tenantId)).toHaveLength(1);
    expect(await forTenant(t.deps.db, who.tenantId).service.count()).toBe(2);
  });

  it('Starter keeping its own number: we buy a local number in the same area code to forward to, ring the owner’s mobile, and text the forwarding steps', async () => {
    const who = await signUp(t);
    const kept = `+1918555${3_000 + Math.floor(Math.random() * 6_000)}`;
    const answers = wizardAnswers(who, { phone: { forwardExisting: kept }, plan: { tier: 'pro' } });
    const { plan: _plan, ...rest } = answers;
    await completeSteps(t, who, rest as typeof answers);
    const refused = await t.call('PUT', `/api/tenants/${who.tenantId}/onboarding/plan`, { token: who.token, body: { tier: 'pro' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { fields: { tier: expect.stringMatching(/part of the Starter plan/) } } });
    expect((await t.call('PUT', `/api/tenants/${who.tenantId}/onboarding/plan`, { token: who.token, body: { tier: 'starter' } })).status).toBe(200);

    await finish(t, who);
    const progress = await provisioned(who);
    const ours = progress.provisioning!.phoneNumber!;
    expect(ours).toMatch(/^\+1918/);
    expect(ours).not.toBe(kept);
    expect(await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: who.tenantId } })).toMatchObject({ phoneNumber: ours, forwardedFromNumber: kept, forwardingNumber: '+19185550177', ivrMode: 'simple' });
    const welcome = t.twilio.messages().filter((m) => m.to === '+19185550177' && m.from === platformNumber(t)).at(-1);
    expect(welcome!.body).toContain(`*71${ours.slice(2)}`);
  });

  it('finishing with steps missing is refused with what is left to do', async () => {
    const who = await signUp(t);
    const response = await finish(t, who);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed', fields: { business: 'Not done yet', plan: 'Not done yet' } } });
  });
});
