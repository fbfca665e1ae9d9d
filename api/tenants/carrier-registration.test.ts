// The carrier registration API over the real app: Twilio's status callback (signed, or 403) waking
// the workflow, the dashboard's start button for an existing business, the owner's fix linted
// before it reaches the workflow, and the website check refusing a business whose pages the app
// does not serve yet (until the website generator lands).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierRegistrationActivities } from '../../activities/carrier-registration/index.ts';
import { signTwilioRequest } from '../twilio/signature.ts';
import { createTestApp, startTestServer, type TestApp } from '../../tests/app-harness.ts';
import { createRegisteringTenant, startRegistrationPages } from '../../tests/registration-fixtures.ts';
import { registrationProgress } from '../../workers/client/carrier-registration.ts';

let t: TestApp;
let pages: Awaited<ReturnType<typeof startRegistrationPages>>;
beforeAll(async () => {
  pages = await startRegistrationPages();
  // Reviews polled once an hour: only Twilio's callback moves the registration on within the test.
  t = await createTestApp({ fakes: ['twilio'], env: { PUBLIC_BASE_URL: pages.url, CARRIER_REGISTRATION_POLL_FIRST_MS: '3600000', CARRIER_REGISTRATION_POLL_MAX_MS: '3600000' } });
});
afterAll(async () => {
  await t?.close();
  await pages?.close();
});

const callbackPath = '/twilio/carrier-registration/status';
function postCallback(params: Record<string, string>, signature: string | null) {
  return t.app.request(callbackPath, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    body: new URLSearchParams(params).toString(),
  });
}
const signed = (params: Record<string, string>) => signTwilioRequest(t.twilio.authToken, `${pages.url}${callbackPath}`, params);

async function progressUntil(tenantId: string, state: string) {
  for (let i = 0; i < 200; i++) {
    const progress = await registrationProgress(t.deps.temporal, tenantId).catch(() => null);
    if (progress?.state === state) return progress;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`registration of ${tenantId} never reached ${state}`);
}

describe('the Trust Hub status callback', () => {
  it('refuses a callback without a valid Twilio signature (403), before anything runs', async () => {
    const params = { BundleSid: 'BU0123456789abcdef0123456789abcdef', Status: 'twilio-approved' };
    expect((await postCallback(params, null)).status).toBe(403);
    expect((await postCallback(params, 'not-a-signature')).status).toBe(403);
    const forged = signTwilioRequest('someone-elses-token', `${pages.url}${callbackPath}`, params);
    const response = await postCallback(params, forged);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'invalid_signature', message: 'This request is not signed by Twilio.' } });
  });

  it('a signed callback wakes the registration: the profile is checked now, not at the next hourly poll', async () => {
    const tenant = await createRegisteringTenant(t.deps.db, 'a2p-cb');
    pages.publish(tenant.id, tenant.businessName);
    const token = await t.memberToken(tenant.id, 'owner');
    const started = await t.call('POST', `/api/tenants/${tenant.id}/carrier-registration`, { token });
    expect(started.status).toBe(202);
    expect((await started.json()).registration).toMatchObject({ state: 'pending', label: 'Getting ready', sendsFrom: 'platform', canStart: false });

    await progressUntil(tenant.id, 'profile_review');
    const { customerProfileSid } = await t.deps.db.carrierRegistration.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    const params = { BundleSid: customerProfileSid!, Status: 'twilio-approved', AccountSid: t.twilio.accountSid };
    expect((await postCallback(params, signed(params))).status).toBe(204);
    // Profile approved on that check, the brand submitted and now in its own (hourly) review.
    expect(await progressUntil(tenant.id, 'brand_review')).toMatchObject({ submissions: 1 });
    await t.deps.temporal.workflow.getHandle(`carrier-registration:${tenant.id}`).terminate('test done');
  });

  it('a signed callback for a bundle no business has is answered and ignored', async () => {
    const params = { BundleSid: 'BUffffffffffffffffffffffffffffffff', Status: 'twilio-approved' };
    expect((await postCallback(params, signed(params))).status).toBe(204);
  });
});

describe('/api/tenants/:id/carrier-registration', () => {
  it('an existing business shows “not registered” and texts from its own number until its owner starts; staff cannot start it', async () => {
    const tenant = await createRegisteringTenant(t.deps.db, 'a2p-old');
    await t.deps.db.carrierRegistration.create({ data: { tenantId: tenant.id, state: 'not_started' } });
    const staff = await t.memberToken(tenant.id, 'staff');
    const read = await t.call('GET', `/api/tenants/${tenant.id}/carrier-registration`, { token: staff });
    expect((await read.json()).registration).toMatchObject({ state: 'not_started', label: 'Not registered', sendsFrom: 'own', canStart: true, fixes: [] });
    expect((await t.call('POST', `/api/tenants/${tenant.id}/carrier-registration`, { token: staff })).status).toBe(403);
    const home = (await (await t.call('GET', `/api/tenants/${tenant.id}/dashboard`, { token: staff })).json()).dashboard;
    expect(home.texting).toEqual({ state: 'not_started', label: 'Not registered', sendsFrom: 'own', fixes: [] });
  });

  it('a fix the lint refuses is answered 400 with each field’s problem; nothing to fix is a 409', async () => {
    const tenant = await createRegisteringTenant(t.deps.db, 'a2p-lint');
    const token = await t.memberToken(tenant.id, 'owner');
    const campaign = await createCarrierRegistrationActivities(t.deps).beginCarrierRegistration({ tenantId: tenant.id });
    expect((await t.call('POST', `/api/tenants/${tenant.id}/carrier-registration/resubmit`, { token, body: {} })).status).toBe(409);

    await t.deps.db.carrierRegistration.update({ where: { tenantId: tenant.id }, data: { state: 'action_needed', failedStep: 'campaign', errors: [{ step: 'campaign', code: 30886, description: 'Invalid Campaign Description' }] } });
    const shown = (await (await t.call('GET', `/api/tenants/${tenant.id}/carrier-registration`, { token })).json()).registration;
    expect(shown.fixes).toEqual([expect.objectContaining({ code: 30886, field: 'description', canResubmit: true, message: expect.stringContaining('too vague') })]);
    expect(shown.wording.description).toBe(campaign.campaign.description);

    const wording = { ...shown.wording, description: 'We text.', messageSamples: ['Hello!'] };
    const refused = await t.call('POST', `/api/tenants/${tenant.id}/carrier-registration/resubmit`, { token, body: { wording } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: {
        code: 'campaign_refused',
        message: 'Carriers would refuse this campaign. Fix what is marked, then submit again.',
        fields: expect.objectContaining({ description: 'The description of what you text needs at least 40 characters (it has 8).', messageSamples: 'Give 2 to 5 example texts (there are 1).' }),
      },
    });
    const unknownField = await t.call('POST', `/api/tenants/${tenant.id}/carrier-registration/resubmit`, { token, body: { wording: { ...shown.wording, usAppToPersonUsecase: 'MARKETING' } } });
    expect(unknownField.status).toBe(400);
  });
});

describe('the website check against the real app', () => {
  // The legal pages are served as soon as a business exists (carriers read them during the review);
  // the home page only once the website is published (api/sites).
  async function withRealApp(check: (server: Awaited<ReturnType<typeof startTestServer>>) => Promise<void>) {
    const empty = await mkdtemp(path.join(tmpdir(), 'no-web-'));
    const server = await startTestServer({ webDist: empty });
    try {
      await check(server);
    } finally {
      await server.stop();
      await rm(empty, { recursive: true, force: true });
    }
  }

  it('refuses the campaign while the business’s website is not published (no fee, the owner told which page)', async () => {
    await withRealApp(async (server) => {
      const tenant = await createRegisteringTenant(server.testApp.deps.db, 'a2p-real');
      const steps = createCarrierRegistrationActivities(server.testApp.deps);
      await steps.beginCarrierRegistration({ tenantId: tenant.id });
      const result = await steps.checkCampaignPages({ tenantId: tenant.id });
      expect(result).toMatchObject({ outcome: 'refused', state: 'action_needed', failedStep: 'website', submissions: 0 });
      const row = await server.testApp.deps.db.carrierRegistration.findUniqueOrThrow({ where: { tenantId: tenant.id } });
      expect((row.errors as { description: string }[]).map((e) => e.description)).toEqual([
        `Your website home page (${server.url}/s/${tenant.id}) answered 404 instead of showing the page. Publish your website with this page, then submit again.`,
      ]);
    });
  });

  it('passes once the website is published: home, opt-in, privacy and terms pages all show the business', async () => {
    await withRealApp(async (server) => {
      const { db } = server.testApp.deps;
      const tenant = await createRegisteringTenant(db, 'a2p-live');
      await db.tenantSite.create({ data: { tenantId: tenant.id, template: 'classic', publishedAt: new Date() } });
      const steps = createCarrierRegistrationActivities(server.testApp.deps);
      await steps.beginCarrierRegistration({ tenantId: tenant.id });
      expect(await steps.checkCampaignPages({ tenantId: tenant.id })).toMatchObject({ outcome: 'done', submissions: 0 });
      expect((await db.carrierRegistration.findUniqueOrThrow({ where: { tenantId: tenant.id } })).errors).toEqual([]);
    });
  });
});
