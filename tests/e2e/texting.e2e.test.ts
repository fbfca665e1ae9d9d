// Browser test of business texting (US carrier registration) at 390 px: the real web build served by
// the real API with its own Twilio sandbox. An existing business's owner sees it is not registered
// and starts registration from the dashboard; a business whose campaign carriers refused sees what
// to change in plain words and fixes it in a form the lint checks; the root registry shows each
// business's state and filters by it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierRegistrationActivities } from '../../activities/carrier-registration/index.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { uniqueId } from '../stack.ts';
import { launchChromium } from './browser.ts';
import { addOwner, businessOnTrial, noSidewaysScroll, openPhonePage, signIn, signOut } from './business-owners.ts';

const WAIT = { timeout: 30_000 };
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let phone: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];
const older = { id: '', email: `${uniqueId('older')}@servicepro.test` };
const refused = { id: '', email: `${uniqueId('refused')}@servicepro.test` };

const db = () => server!.testApp.deps.db;
const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });

describe('business texting registration (browser, 390 px)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    // A business from before registration existed (the migration made it not_started).
    older.id = await businessOnTrial(server.testApp, 'pro');
    await addOwner(server.testApp, older.id, older.email);
    await db().carrierRegistration.create({ data: { tenantId: older.id, state: 'not_started' } });
    // A business whose campaign carriers refused: its generated campaign, and Twilio's error.
    refused.id = await businessOnTrial(server.testApp, 'pro');
    await addOwner(server.testApp, refused.id, refused.email);
    await createCarrierRegistrationActivities(server.testApp.deps).beginCarrierRegistration({ tenantId: refused.id });
    await db().carrierRegistration.update({
      where: { tenantId: refused.id },
      data: { state: 'action_needed', failedStep: 'campaign', submissions: 2, errors: [{ step: 'campaign', code: 30893, description: 'Campaign vetting rejection - Inconsistency between Sample Message and Use-case' }] },
    });
    browser = await launchChromium();
    phone = await openPhonePage(browser, { timeoutMs: WAIT.timeout, pageErrors });
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('an existing business texts from its own number until its owner registers from the dashboard', async () => {
    const { page } = phone;
    await page.goto(`${server!.url}/login`);
    await signIn(page, older.email);
    await page.waitForURL(`**/t/${older.id}`, WAIT);
    const card = page.getByTestId('texting-registration');
    await card.waitFor(WAIT);
    expect(await card.getAttribute('data-state')).toBe('not_started');
    expect(await card.textContent()).toContain('Your texts go out from your own number today');
    await noSidewaysScroll(page);
    await shot(page, 'texting-not-registered-mobile');

    await card.getByRole('button', { name: 'Register for business texting' }).click();
    await expect.poll(() => card.getAttribute('data-state'), WAIT).not.toBe('not_started');
    expect(await card.textContent()).toContain('go out from the ServicePro number');
    expect(await card.getByRole('list', { name: 'Registration steps' }).isVisible()).toBe(true);
    await shot(page, 'texting-registering-mobile');
    await server!.testApp.deps.temporal.workflow.getHandle(`carrier-registration:${older.id}`).terminate('test done').catch(() => undefined);
  });

  it('a refused campaign: what to change in plain words, and a fix the lint refuses is marked under its field', async () => {
    const { page, context } = phone;
    await signOut(context, page, server!.url);
    await signIn(page, refused.email);
    await page.waitForURL(`**/t/${refused.id}`, WAIT);
    const card = page.getByTestId('texting-registration');
    await card.waitFor(WAIT);
    expect(await card.getAttribute('data-state')).toBe('action_needed');
    expect(await card.getByRole('alert').textContent()).toContain('The example texts do not match what the campaign says you send.');
    await card.getByRole('button', { name: 'Fix and submit again' }).click();
    const form = page.getByTestId('texting-fix-form');
    await form.waitFor(WAIT);
    await form.getByLabel('Example 1').fill('Hi!');
    await form.getByLabel('Example 2').fill('');
    await form.getByLabel('Example 3').fill('');
    await form.getByRole('button', { name: 'Check and submit again' }).click();
    await form.locator('.field-error').first().waitFor(WAIT);
    expect(await form.textContent()).toContain('Give 2 to 5 example texts (there are 1).');
    await noSidewaysScroll(page);
    await shot(page, 'texting-fix-form-mobile');
  });

  it('the root registry shows each business’s texting registration and filters by it', async () => {
    const { page, context } = phone;
    await signOut(context, page, server!.url);
    await page.getByLabel('Email').fill(server!.ownerEmail);
    await page.getByLabel('Password').fill(server!.ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/tenants', WAIT);
    await page.goto(`${server!.url}/admin/tenants?texting=action_needed`);
    const card = page.locator(`article[data-tenant-id="${refused.id}"]`);
    await card.waitFor(WAIT);
    expect(await card.getByTestId('texting-registration').textContent()).toBe('Action needed');
    expect(await page.locator(`article[data-tenant-id="${older.id}"]`).count()).toBe(0);
    expect(await page.getByLabel('Texting').inputValue()).toBe('action_needed');
    await noSidewaysScroll(page);
    await shot(page, 'texting-registry-mobile');
    expect(pageErrors).toEqual([]);
  });
});
