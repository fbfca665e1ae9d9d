// Browser test of billing: the real web build served by the real API (Postgres + Temporal from the
// vitest globalSetup, the API's own offline Stripe sandbox), driven by headless Chromium. An owner
// sees the trial count down, upgrades, and is sent to Stripe (the sandbox) to add a card; a paused
// business is told what that means; the root dashboard shows each tenant's billing status and
// its links into the Temporal UI. The trial that ends in a pause is injected as 2 s.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, openDesktopPage } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../domain/passwords.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTenantBilling } from '../../workers/client/tenant-billing.ts';
import { startTestServer } from '../app-harness.ts';
import { randomPhone } from '../sms-fixtures.ts';
import { uniqueId } from '../stack.ts';
import { createTenant } from '../tenant-fixtures.ts';

const WAIT = { timeout: 30_000 };
const shot = (name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });
const DAY = 86_400_000;

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

let trialing = '';
let paused = '';
let paying = '';
const ownerEmail = `${uniqueId('owner')}@servicepro.test`;
const ownerPassword = 'owner password 123';

const db = () => server!.testApp.deps.db;
const tab = (name: string) => page.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name, exact: true });

async function signIn(email: string, password: string) {
  await context.clearCookies();
  await page.goto(`${server!.url}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server!.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('billing pages and the root dashboard (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    const platformToken = await server.testApp.ownerToken();

    // A pro business on its 14-day trial (the configured one), with an owner who signs in.
    trialing = (await createTenant(server.testApp, platformToken, 'pro')).id;
    await db().user.create({ data: { email: ownerEmail, passwordHash: await hashPassword(ownerPassword), memberships: { create: { tenantId: trialing, role: 'owner' } } } });
    await vi.waitFor(async () => expect(await db().tenantBilling.findUnique({ where: { tenantId: trialing } })).toMatchObject({ stripeSubscriptionId: expect.any(String) }), { timeout: 20_000, interval: 200 });

    // A business whose 2-second trial ended without a card: paused, nothing deleted.
    paused = uniqueId('paused');
    await db().tenant.create({ data: { id: paused, slug: paused, config: { create: { businessName: `Paused ${paused}`, tier: 'starter', status: 'trialing' } }, phoneConfig: { create: { phoneNumber: randomPhone() } } } });
    await startTenantBilling(server.testApp.deps.temporal, server.testApp.taskQueue, { id: paused, tier: 'starter', status: 'trialing' }, { trialDays: 14, trialMs: 2_000, reminderBeforeMs: 1_000, graceMs: DAY });
    await vi.waitFor(async () => expect((await db().tenantConfig.findUniqueOrThrow({ where: { tenantId: paused } })).status).toBe('suspended'), { timeout: 20_000, interval: 200 });

    // A paying business (active, 30-day period in the sandbox): a downgrade waits for the period's end.
    paying = uniqueId('paying');
    await db().tenant.create({ data: { id: paying, slug: paying, config: { create: { businessName: `Paying ${paying}`, tier: 'pro', status: 'active' } }, phoneConfig: { create: { phoneNumber: randomPhone() } } } });
    await startTenantBilling(server.testApp.deps.temporal, server.testApp.taskQueue, { id: paying, tier: 'pro', status: 'active' }, { trialDays: 0, trialMs: DAY, reminderBeforeMs: DAY, graceMs: DAY });
    await vi.waitFor(async () => expect(await db().tenantBilling.findUnique({ where: { tenantId: paying } })).toMatchObject({ stripeSubscriptionId: expect.any(String) }), { timeout: 20_000, interval: 200 });

    browser = await launchChromium();
    ({ context, page } = await openDesktopPage(browser, { timeoutMs: WAIT.timeout, pageErrors }));
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('the owner sees the days left in the free trial and the three plans with prices', async () => {
    await signIn(ownerEmail, ownerPassword);
    await page.waitForURL(`**/t/${trialing}`, WAIT);
    await tab('Billing').click();
    await page.waitForURL(`**/t/${trialing}/billing`, WAIT);

    const status = page.getByTestId('billing-status');
    await status.getByRole('heading', { name: '14 days left in your free trial' }).waitFor(WAIT);
    expect(await status.getAttribute('data-status')).toBe('trialing');
    expect(await status.textContent()).toContain('Add a card before the trial ends');
    expect(await page.getByTestId('plan-card').count()).toBe(3);
    const pro = page.locator('[data-testid="plan-card"][data-tier="pro"]');
    expect(await pro.textContent()).toContain('Your plan');
    expect(await pro.textContent()).toContain('$149');
    expect(await page.locator('[data-testid="plan-card"][data-tier="elite"]').textContent()).toContain('The AI voice receptionist');
    expect(await page.getByTestId('no-invoices').textContent()).toContain('No invoices yet');
    await shot('billing-trial');
  });

  it('the plan cards show the usage prices and mark what is coming, promising nothing that does not exist', async () => {
    const { BILLING_PRICE_SMS_SEGMENT_CENTS: sms, BILLING_PRICE_CALL_MINUTE_CENTS: minute } = server!.testApp.deps.config;
    const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
    for (const tier of ['starter', 'pro', 'elite']) {
      const usage = page.locator(`[data-testid="plan-card"][data-tier="${tier}"] [data-testid="plan-usage"]`);
      expect(await usage.textContent()).toContain(`${dollars(sms)} per text segment`);
      expect(await usage.textContent()).toContain(`${dollars(minute)} per call minute`);
    }
    const elite = page.locator('[data-testid="plan-card"][data-tier="elite"]');
    const included = (await elite.getByTestId('plan-features').textContent()) ?? '';
    expect(included).toContain('The SIP softphone');
    // Websites shipped (issue 11): all templates and a custom domain are part of Elite today.
    expect(included).toContain('A custom website domain');
    expect(included).not.toMatch(/AI voice|Campaigns/);
    const coming = elite.getByTestId('plan-coming-soon');
    expect(await coming.textContent()).toMatch(/Coming soon/);
    for (const feature of ['The AI voice receptionist', 'The AI text and web agent', 'Campaigns']) expect(await coming.textContent()).toContain(feature);
    expect(await page.locator('[data-testid="plan-card"][data-tier="starter"] [data-testid="plan-coming-soon"]').count()).toBe(0);
    // The page's promises: the essentials every plan has today, the one-template website among them.
    expect(await page.getByTestId('every-plan').textContent()).toMatch(/A website with your prices/);
    expect(await page.getByTestId('billing-status').textContent()).not.toMatch(/website/i);
  });

  it('upgrades to Elite after confirming: the page, the header and the database all say Elite', async () => {
    await page.getByRole('button', { name: 'Upgrade to Elite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upgrade to Elite?' });
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain('right away');
    await dialog.getByRole('button', { name: 'Upgrade to Elite' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    expect(await page.getByTestId('billing-notice').textContent()).toBe("Done — you're now on the Elite plan.");
    await page.locator('[data-testid="plan-card"][data-tier="elite"]').getByText('Your plan').waitFor(WAIT);
    await page.locator('.tenant-bar .tier-badge[data-tier="elite"]').waitFor(WAIT);
    expect((await db().tenantConfig.findUniqueOrThrow({ where: { tenantId: trialing } })).tier).toBe('elite');
    // During the trial a downgrade is offered, and it asks first.
    await page.getByRole('button', { name: 'Downgrade to Starter' }).click();
    const downgrade = page.getByRole('dialog', { name: 'Downgrade to Starter?' });
    await downgrade.waitFor(WAIT);
    expect(await downgrade.textContent()).toContain('You will no longer have');
    await shot('billing-downgrade-dialog');
    await downgrade.getByRole('button', { name: 'Keep Elite' }).click();
    await downgrade.waitFor({ state: 'hidden', ...WAIT });
    expect((await db().tenantConfig.findUniqueOrThrow({ where: { tenantId: trialing } })).tier).toBe('elite');
  });

  it('"Add a card" opens the Stripe (sandbox) checkout page', async () => {
    await page.getByRole('button', { name: 'Add a card' }).click();
    await page.waitForURL(`${server!.url}/sandbox/stripe/pay/cs_test_*`, WAIT);
    expect(await page.getByRole('heading', { name: 'ServicePro test checkout' }).count()).toBe(1);
    // A plain form (no script, so the app's CSP holds) that saves the card and leads back into the app.
    await page.getByRole('button', { name: /Save test card/ }).click();
    await page.waitForURL(`${server!.url}/t/${trialing}/billing`, WAIT);
    await expect.poll(async () => (await db().tenantBilling.findUniqueOrThrow({ where: { tenantId: trialing } })).hasPaymentMethod, { timeout: 15_000 }).toBe(true);
  });

  it('a paused business is told what that means, everywhere in its area, with the way to its data', async () => {
    await signIn(server!.ownerEmail, server!.ownerPassword);
    await page.waitForURL('**/admin/tenants', WAIT);
    await page.goto(`${server!.url}/t/${paused}/calls`);
    const banner = page.getByTestId('account-banner');
    await banner.waitFor(WAIT);
    expect(await banner.textContent()).toContain('Your account is paused.');
    expect(await banner.getByRole('link', { name: 'Export your data' }).getAttribute('href')).toBe(`/t/${paused}/exports`);

    await banner.getByRole('link', { name: 'Add a card to resume' }).click();
    await page.waitForURL(`**/t/${paused}/billing`, WAIT);
    const status = page.getByTestId('billing-status');
    await status.getByRole('heading', { name: 'Your account is paused' }).waitFor(WAIT);
    expect(await status.textContent()).toContain(
      'Your account is paused: texts and automations are stopped, callers hear a paused message. Your number and all your data are kept. Add a card to resume — you can still export everything.',
    );
    expect(await status.getByRole('button', { name: 'Add a card' }).count()).toBe(1);
    expect(await status.getByRole('link', { name: 'Export all your data' }).count()).toBe(1);
    await shot('billing-paused');
  });

  it('a paying business downgrades at the end of its period, and the page says when', async () => {
    await page.goto(`${server!.url}/t/${paying}/billing`);
    await page.getByTestId('billing-status').getByRole('heading', { name: 'Your plan is active' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Downgrade to Starter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Downgrade to Starter?' });
    expect(await dialog.textContent()).toContain('at the end of the period you have paid for');
    await dialog.getByRole('button', { name: 'Downgrade to Starter' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    expect(await page.getByTestId('billing-notice').textContent()).toMatch(/^Your plan changes to Starter on /);
    await page.getByTestId('scheduled-change').waitFor(WAIT);
    expect(await page.locator('[data-testid="plan-card"][data-tier="starter"]').getByTestId('plan-scheduled').textContent()).toMatch(/^Changes on /);
    expect(await page.locator('[data-testid="plan-card"][data-tier="pro"]').textContent()).toContain('Your plan');
    expect((await db().tenantConfig.findUniqueOrThrow({ where: { tenantId: paying } })).tier).toBe('pro');
    await shot('billing-scheduled-downgrade');
  });

  it('the root dashboard shows each tenant’s billing status and links to its workflows in the Temporal UI', async () => {
    await page.goto(`${server!.url}/admin/tenants`);
    const card = (id: string) => page.locator(`article[data-testid="tenant-card"][data-tenant-id="${id}"]`);
    await card(trialing).waitFor(WAIT);
    expect(await card(trialing).locator('.status-pill').getAttribute('data-status')).toBe('trialing');
    expect(await card(trialing).getByTestId('trial-ends').textContent()).toBeTruthy();
    expect(await card(paused).locator('.status-pill').getAttribute('data-status')).toBe('suspended');
    expect(await card(paused).locator('.status-pill').textContent()).toBe('Suspended');

    const { TEMPORAL_UI_URL, TEMPORAL_NAMESPACE } = server!.testApp.deps.config;
    const ns = encodeURIComponent(TEMPORAL_NAMESPACE);
    expect(await card(trialing).getByTestId('billing-workflow-link').getAttribute('href')).toBe(`${TEMPORAL_UI_URL}/namespaces/${ns}/workflows/billing:${trialing}`);
    expect(await card(trialing).getByTestId('all-workflows-link').getAttribute('href')).toBe(
      `${TEMPORAL_UI_URL}/namespaces/${ns}/workflows?query=${encodeURIComponent(`TenantId="${trialing}"`)}`,
    );
    await shot('registry-billing');
    expect(pageErrors).toEqual([]);
  });
});
