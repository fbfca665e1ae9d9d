import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_TENANT_ID } from '../domain/tenancy.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { progressOf, putStep, signUp, wizardAnswers } from '../tests/onboarding-fixtures.ts';

// An abandoned wizard, with its durations injected (ONBOARDING_REMINDER_HOURS / ONBOARDING_EXPIRY_DAYS
// as fractions): a reminder after the quiet spell, expiry after the longer one, everything released.

const REMINDER_MS = 2_500;
const EXPIRY_MS = 8_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { ONBOARDING_REMINDER_HOURS: String(REMINDER_MS / 3_600_000), ONBOARDING_EXPIRY_DAYS: String(EXPIRY_MS / 86_400_000) } });
});
afterAll(async () => t?.close());

const ownerMobile = () => `+1918555${3_000 + Math.floor(Math.random() * 6_000)}`;

describe('an abandoned wizard', () => {
  it('reminds the owner by email and (from the platform’s number) by text once, then expires, releasing its web address', async () => {
    const who = await signUp(t);
    const mobile = ownerMobile();
    expect((await putStep(t, who, 'business', { ...(wizardAnswers(who).business as object), ownerPhone: mobile })).status).toBe(200);
    const sentAt = Date.now();

    const reminders = () => forTenant(t.deps.db, who.tenantId).emailMessage.findMany({ where: { toAddress: who.email, subject: { startsWith: 'Finish setting up' } } });
    await expect.poll(async () => (await reminders()).length, { timeout: 15_000 }).toBe(1);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(REMINDER_MS - 200);
    expect((await reminders())[0]!.body).toContain(`/t/${who.tenantId}/onboarding`);
    const root = await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: ROOT_TENANT_ID } });
    await expect.poll(() => t.twilio.messages().filter((m) => m.to === mobile).map((m) => m.from), { timeout: 10_000 }).toEqual([root.phoneNumber]);

    await expect.poll(async () => (await progressOf(t, who)).status, { timeout: 20_000 }).toBe('expired');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(EXPIRY_MS - 200);
    const tenant = await t.deps.db.tenant.findUniqueOrThrow({ where: { id: who.tenantId }, include: { config: true } });
    expect(tenant.config!.status).toBe('expired');
    expect(tenant.slug).toBe(`${who.tenantId}.expired`);
    expect((await t.deps.temporal.workflow.getHandle(workflowIds.onboarding(who.tenantId)).describe()).status.name).toBe('COMPLETED');
    expect(await reminders()).toHaveLength(1);

    const late = await putStep(t, who, 'industry', { pack: 'auto-detailing' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'onboarding_closed' } });
  }, 60_000);

  it('each step starts the quiet spell again: an owner who keeps going is neither reminded nor expired', async () => {
    const who = await signUp(t);
    const answers = wizardAnswers(who);
    for (const step of ['business', 'industry', 'services', 'greeting'] as const) {
      expect((await putStep(t, who, step, answers[step])).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, REMINDER_MS * 0.6));
    }
    expect((await progressOf(t, who)).status).toBe('in_progress');
    expect(await forTenant(t.deps.db, who.tenantId).emailMessage.count({ where: { subject: { startsWith: 'Finish setting up' } } })).toBe(0);
  }, 60_000);
});
