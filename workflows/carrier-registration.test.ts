// The carrier-registration workflow with real Temporal and Postgres and the Twilio fake: approval,
// a refusal told to the owner and fixed by the owner's resubmission, the website checked before any
// fee, a step whose answer was lost retried without submitting twice.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCampaign, registrationPages, type CampaignWording } from '../domain/carrier-registration/index.ts';
import { industryPack } from '../domain/industry-packs/index.ts';
import { phoneLabel } from '../domain/phone.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { createRegisteringTenant, startRegistrationPages } from '../tests/registration-fixtures.ts';
import { registrationProgress, resubmitRegistration, startCarrierRegistration } from '../workers/client/carrier-registration.ts';
import type { RegistrationProgress } from './carrier-registration.messages.ts';

let t: TestApp;
let pages: Awaited<ReturnType<typeof startRegistrationPages>>;
beforeAll(async () => {
  pages = await startRegistrationPages();
  // The pages carriers check live under PUBLIC_BASE_URL; here a page server of the test's own.
  t = await createTestApp({ fakes: ['twilio'], env: { PUBLIC_BASE_URL: pages.url } });
});
afterAll(async () => {
  await t?.close();
  await pages?.close();
});
beforeEach(() => {
  t.twilio.a2p.reset();
  pages.restore();
});

const FAST = { firstMs: 50, maxMs: 200 };

async function registeringTenant(prefix: string) {
  const tenant = await createRegisteringTenant(t.deps.db, prefix);
  pages.publish(tenant.id, tenant.businessName);
  return tenant;
}

/** Asks the workflow until `done` holds (reviews take a few polls). */
async function progressUntil(tenantId: string, done: (p: RegistrationProgress) => boolean): Promise<RegistrationProgress> {
  for (let i = 0; i < 300; i++) {
    const progress = await registrationProgress(t.deps.temporal, tenantId).catch(() => null);
    if (progress && done(progress)) return progress;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`registration of ${tenantId} never got there`);
}

/** Asks `read` until `done` holds (the owner's notice follows the state by a step). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('never happened');
}

const emailsOf = (tenantId: string) => forTenant(t.deps.db, tenantId).emailMessage.findMany({ where: { idempotencyKey: { startsWith: 'carrier-registration:' } }, orderBy: { createdAt: 'asc' } });

describe('carrierRegistration', () => {
  it('approval: profile → brand → Messaging Service → campaign → number, SIDs recorded, two fees, the number texting from its own service, the owner told', async () => {
    const tenant = await registeringTenant('a2p-ok');
    const handle = await startCarrierRegistration(t.deps.temporal, t.taskQueue, tenant.id, FAST);
    expect(handle.workflowId).toBe(`carrier-registration:${tenant.id}`);
    const result = await handle.result();

    expect(result).toEqual({ state: 'approved', failedStep: null, submissions: 2 });
    const row = await t.deps.db.carrierRegistration.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(row).toMatchObject({ state: 'approved', submissions: 2, errors: [], customerProfileSid: expect.stringMatching(/^BU/), trustProductSid: expect.stringMatching(/^BU/), brandSid: expect.stringMatching(/^BN/), messagingServiceSid: expect.stringMatching(/^MG/), campaignSid: expect.stringMatching(/^QE/), phoneNumberSid: expect.stringMatching(/^PN/) });
    expect(row.approvedAt).not.toBeNull();
    expect(t.twilio.a2p.submissions()).toEqual({ profile: 2, brand: 1, campaign: 1 });
    const [brand] = t.twilio.a2p.brands();
    expect(brand).toMatchObject({ mock: true, customerProfileBundleSid: row.customerProfileSid, a2pProfileBundleSid: row.trustProductSid });
    const [campaign] = t.twilio.a2p.campaigns();
    const sitePages = registrationPages(pages.url, tenant.id);
    expect(campaign!.fields).toMatchObject({ privacy_policy_url: sitePages.privacy, terms_and_conditions_url: sitePages.terms, has_embedded_links: true, us_app_to_person_usecase: 'MIXED' });
    expect(String(campaign!.fields.message_flow)).toContain(sitePages.optIn);
    expect([...t.twilio.a2p.services()[0]!.phoneNumbers.values()]).toEqual([tenant.phoneNumber]);
    expect(await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ messagingServiceSid: row.messagingServiceSid });
    const [mail] = await emailsOf(tenant.id);
    expect(mail).toMatchObject({ toAddress: tenant.ownerEmail, subject: `${tenant.businessName} is approved for business texting` });
    expect((await handle.describe()).searchAttributes.TenantId).toEqual([tenant.id]);
  });

  it('a refused campaign: the owner is told what to fix in plain words; a rewrite that fails the lint is refused without a fee; the fix is resubmitted (a fee again) and approved', async () => {
    const tenant = await registeringTenant('a2p-fix');
    t.twilio.a2p.refuseNext('campaign', [{ code: 30893, description: 'Campaign vetting rejection - Inconsistency between Sample Message and Use-case' }]);
    const handle = await startCarrierRegistration(t.deps.temporal, t.taskQueue, tenant.id, FAST);
    expect(await progressUntil(tenant.id, (p) => p.state === 'action_needed')).toEqual({ state: 'action_needed', failedStep: 'campaign', submissions: 2 });

    const row = await t.deps.db.carrierRegistration.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(row.errors).toEqual([{ step: 'campaign', code: 30893, description: 'Campaign vetting rejection - Inconsistency between Sample Message and Use-case' }]);
    const [notice] = await eventually(() => emailsOf(tenant.id), (mails) => mails.length > 0);
    expect(notice!.subject).toBe(`Action needed: business texting registration for ${tenant.businessName}`);
    expect(notice!.body).toContain('The example texts do not match what the campaign says you send.');

    const generated = generateCampaign({ businessName: tenant.businessName, phoneLabel: phoneLabel(tenant.phoneNumber), pages: registrationPages(pages.url, tenant.id), pack: industryPack('auto-detailing') });
    const wording: CampaignWording = { ...generated, messageSamples: [`${tenant.businessName}: your wash is booked for tomorrow at 9:00 AM. Reply STOP to opt out.`, `${tenant.businessName}: we are on our way and will be there in about 20 minutes.`] };
    const bad = resubmitRegistration(t.deps.temporal, tenant.id, { wording: { ...wording, messageSamples: ['Hi there, see you soon!'] } });
    await expect(bad).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(bad).rejects.toMatchObject({ cause: { type: 'CampaignLintFailed', message: expect.stringContaining('Give 2 to 5 example texts (there are 1).') } });
    expect(t.twilio.a2p.submissions().campaign).toBe(1);

    const sent = await resubmitRegistration(t.deps.temporal, tenant.id, { wording });
    expect(sent).toMatchObject({ state: 'campaign_review', submissions: 3 });
    expect(await handle.result()).toEqual({ state: 'approved', failedStep: null, submissions: 3 });
    expect(t.twilio.a2p.submissions()).toMatchObject({ brand: 1, campaign: 2 });
    expect(t.twilio.a2p.campaigns()).toHaveLength(1);
    expect(t.twilio.a2p.campaigns()[0]!.fields.message_samples).toEqual(wording.messageSamples);
    expect((await emailsOf(tenant.id)).map((m) => m.subject)).toEqual([notice!.subject, `${tenant.businessName} is approved for business texting`]);
    await expect(resubmitRegistration(t.deps.temporal, tenant.id, {})).rejects.toThrow();
  });

  it('a website without its privacy page: refused before the campaign is submitted (no fee), submitted once the page is there', async () => {
    const tenant = await registeringTenant('a2p-site');
    pages.hide('/privacy');
    await startCarrierRegistration(t.deps.temporal, t.taskQueue, tenant.id, FAST);
    expect(await progressUntil(tenant.id, (p) => p.state === 'action_needed')).toMatchObject({ failedStep: 'website', submissions: 1 });
    const row = await t.deps.db.carrierRegistration.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(row.errors).toEqual([{ step: 'website', code: null, description: expect.stringMatching(/^Your privacy policy page \(.+\/privacy\) answered 404 instead of showing the page\./) }]);
    expect(t.twilio.a2p.campaigns()).toHaveLength(0);

    pages.restore();
    await resubmitRegistration(t.deps.temporal, tenant.id, {});
    const handle = t.deps.temporal.workflow.getHandle(`carrier-registration:${tenant.id}`);
    expect(await handle.result()).toEqual({ state: 'approved', failedStep: null, submissions: 2 });
  });

  it('a submission whose answer was lost is retried without a second brand or campaign (each fee counted once)', async () => {
    const tenant = await registeringTenant('a2p-lost');
    t.twilio.a2p.loseNextAnswers('brand');
    t.twilio.a2p.loseNextAnswers('campaign');
    t.twilio.a2p.loseNextAnswers('service');
    const handle = await startCarrierRegistration(t.deps.temporal, t.taskQueue, tenant.id, FAST);
    expect(await handle.result()).toEqual({ state: 'approved', failedStep: null, submissions: 2 });
    expect(t.twilio.a2p.brands()).toHaveLength(1);
    expect(t.twilio.a2p.campaigns()).toHaveLength(1);
    expect(t.twilio.a2p.services()).toHaveLength(1);
    expect(t.twilio.a2p.submissions()).toMatchObject({ brand: 1, campaign: 1 });
    // Each lost answer did happen (the step failed and was retried).
    expect(t.twilio.a2p.lostAnswersLeft()).toEqual({ profile: 0, brand: 0, campaign: 0, service: 0 });
  });
});
