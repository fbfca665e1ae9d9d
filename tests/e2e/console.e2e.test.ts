// Browser test of the platform owner's console: the registry searched and filtered from the page
// (the state in the URL, so the link can be shared), its summary row, and "view as owner" with
// its read-only banner on every page — at desktop width and on a 390 px phone. The real web build,
// served by the real API (real Postgres + Temporal), driven by headless Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { registryRow } from '../registry-fixtures.ts';
import { uniqueId } from '../stack.ts';
import { withFreeNumber } from '../tenant-fixtures.ts';
import { launchChromium } from './browser.ts';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];
// One word only these tests' businesses have, so the search shows exactly them.
const word = uniqueId('zconsole').replace(/-/g, '');
const ids: Record<string, string> = {};

const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });
const cards = (page: Page) => page.locator('article[data-testid="tenant-card"]');
const cardIds = async (page: Page) => cards(page).evaluateAll((all) => all.map((card) => card.getAttribute('data-tenant-id')));

async function signedInPage(viewport: { width: number; height: number }, mobile = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server!.url}/login`);
  await page.getByLabel('Email').fill(server!.ownerEmail);
  await page.getByLabel('Password').fill(server!.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/admin/tenants', WAIT);
  return { context, page };
}

describe("the platform owner's console (browser)", () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    const { db } = server.testApp.deps;
    const now = Date.now();
    ids.sunny = uniqueId('sunny');
    await withFreeNumber((phoneNumber) => registryRow(db, { id: ids.sunny!, businessName: `Sunny Lawns ${word}`, tier: 'pro', status: 'active', phoneNumber }));
    for (const [key, row] of Object.entries({
      shine: { businessName: `Shine Pro Detail ${word}`, tier: 'pro', status: 'trialing', trialEndsAt: new Date(now + 3 * DAY) },
      paws: { businessName: `Paws Grooming ${word}`, tier: 'starter', status: 'past_due' },
      gone: { businessName: `Gone Fishing ${word}`, tier: 'pro', status: 'closed' },
    } as const)) {
      ids[key] = uniqueId(key);
      await registryRow(db, { id: ids[key]!, ...row });
    }
    browser = await launchChromium();
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('searches and filters the registry from the page, keeps it in the URL, and the summary counts what was found', async () => {
    const { context, page } = await signedInPage({ width: 1280, height: 900 });
    await page.getByLabel('Search').fill(word);
    await page.waitForURL((url) => url.searchParams.get('q')?.includes(word) ?? false, WAIT);
    // Newest first.
    await expect.poll(() => cardIds(page), WAIT).toEqual([ids.paws, ids.shine, ids.sunny]);
    const summary = page.getByTestId('registry-summary');
    await expect.poll(() => summary.getByTestId('summary-trials').textContent()).toContain('1');
    expect(await summary.getByTestId('summary-past-due').textContent()).toContain('1');
    expect(await summary.getByTestId('summary-mrr').textContent()).toBe('$149');

    await page.getByLabel('Plan', { exact: true }).selectOption('pro');
    await page.waitForURL(/tier=pro/, WAIT);
    await expect.poll(async () => (await cardIds(page)).sort(), WAIT).toEqual([ids.shine, ids.sunny].sort());
    await page.getByLabel('Sort').selectOption('name-asc');
    await page.waitForURL(/sort=name/, WAIT);
    await expect.poll(() => cardIds(page), WAIT).toEqual([ids.shine, ids.sunny]);
    await shot(page, 'console-registry-filtered');

    // The link is the view: opened fresh, it shows the same businesses with the same filters set.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => cardIds(other), WAIT).toEqual([ids.shine, ids.sunny]);
    expect(await other.getByLabel('Plan', { exact: true }).inputValue()).toBe('pro');
    expect(await other.getByLabel('Search').inputValue()).toBe(word);

    // A summary count is a link to those businesses.
    await other.getByTestId('summary-trials').click();
    await other.waitForURL(/trialEndingDays=7/, WAIT);
    await expect.poll(() => cardIds(other), WAIT).toEqual([ids.shine]);
    await context.close();
  });

  it('"View as owner" opens the business read-only with a banner on every page; writes are refused; Stop viewing returns', async () => {
    const { context, page } = await signedInPage({ width: 1280, height: 900 });
    await page.goto(`${server!.url}/admin/tenants?q=${word}&sort=name`);
    const card = cards(page).filter({ hasText: `Sunny Lawns ${word}` });
    await card.getByRole('button', { name: /View as owner/ }).click();
    await page.waitForURL(`**/t/${ids.sunny}/calls`, WAIT);
    const banner = page.getByTestId('view-as-banner');
    await banner.waitFor(WAIT);
    expect(await banner.textContent()).toContain(`Viewing Sunny Lawns ${word} as its owner — read only`);
    expect(await page.getByRole('link', { name: '← All businesses' }).count()).toBe(0);

    await page.goto(`${server!.url}/t/${ids.sunny}/phone`);
    await banner.waitFor(WAIT);
    await page.getByLabel(/Forward calls to/).fill('918 555 0123');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/read only, so nothing can be changed/).first().waitFor(WAIT);
    expect((await server!.testApp.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: ids.sunny! } })).forwardingNumber).toBeNull();
    await page.goto(`${server!.url}/t/${ids.sunny}/billing`);
    await banner.waitFor(WAIT);
    await shot(page, 'console-view-as');

    await banner.getByRole('button', { name: 'Stop viewing' }).click();
    await page.waitForURL('**/admin/tenants', WAIT);
    await cards(page).first().waitFor(WAIT);
    expect(await page.getByTestId('view-as-banner').count()).toBe(0);
    expect(await page.locator('.brand-tag').textContent()).toBe('Platform owner');
    await context.close();
  });

  it('the audit log shows who viewed which business and when, filtered by business from an entry', async () => {
    const { context, page } = await signedInPage({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit', WAIT);
    const entry = page.getByTestId('audit-entry').filter({ hasText: `Sunny Lawns ${word}` }).first();
    await entry.waitFor(WAIT);
    expect(await entry.textContent()).toMatch(/viewing the business as its owner/);
    expect(await entry.textContent()).toContain(server!.ownerEmail);
    await entry.getByRole('link', { name: new RegExp(`Sunny Lawns ${word}`) }).click();
    await page.waitForURL(`**/admin/audit?tenantId=${ids.sunny}`, WAIT);
    await expect.poll(async () => (await page.getByTestId('audit-entry').allTextContents()).every((text) => text.includes(`Sunny Lawns ${word}`)), WAIT).toBe(true);
    expect(await page.getByLabel('Business (tenant id)').inputValue()).toBe(ids.sunny);
    await shot(page, 'console-audit');
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'console-mobile-audit');
    await context.close();
  });

  it('reopens a closed business from its card; root’s edit dialog shows its plan and number as fixed', async () => {
    const { context, page } = await signedInPage({ width: 1280, height: 900 });
    await page.goto(`${server!.url}/admin/tenants?q=${word}&status=closed`);
    const closed = cards(page).filter({ hasText: `Gone Fishing ${word}` });
    await closed.getByRole('button', { name: /^Reopen/ }).click();
    const dialog = page.getByRole('dialog', { name: `Reopen Gone Fishing ${word}?` });
    await dialog.getByRole('button', { name: 'Reopen tenant' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await closed.waitFor({ state: 'detached', ...WAIT });
    await page.goto(`${server!.url}/admin/tenants?q=${word}&status=suspended`);
    await cards(page).filter({ hasText: `Gone Fishing ${word}` }).locator('.status-pill[data-status="suspended"]').waitFor(WAIT);
    expect(await cards(page).filter({ hasText: `Gone Fishing ${word}` }).getByRole('button', { name: /^Close tenant/ }).count()).toBe(1);

    await page.goto(`${server!.url}/admin/tenants?q=root`);
    await cards(page).filter({ hasText: 'Root/Flagship' }).getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('dialog', { name: 'Edit tenant' });
    await edit.waitFor(WAIT);
    const fixed = edit.getByTestId('fixed-setting');
    expect(await fixed.count()).toBe(2);
    expect(await fixed.first().textContent()).toMatch(/Elite.*never billed/);
    expect(await fixed.last().textContent()).toContain('ROOT_PHONE_NUMBER');
    expect(await edit.getByRole('combobox', { name: 'Plan' }).count()).toBe(0);
    expect(await edit.getByLabel('Business name').isEditable()).toBe(true);
    await shot(page, 'console-root-edit');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await context.close();
  });

  it('at 390 px: the summary, filters and cards fit, and the view-as banner is on the page', async () => {
    const { context, page } = await signedInPage(PHONE, true);
    await page.goto(`${server!.url}/admin/tenants?q=${word}`);
    await expect.poll(async () => (await cardIds(page)).length, WAIT).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('registry-summary').isVisible()).toBe(true);
    expect(await page.getByLabel('Search').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'console-mobile-registry');

    await cards(page).filter({ hasText: `Paws Grooming ${word}` }).getByRole('button', { name: /View as owner/ }).click();
    await page.waitForURL(`**/t/${ids.paws}/calls`, WAIT);
    const banner = page.getByTestId('view-as-banner');
    await banner.waitFor(WAIT);
    expect(await banner.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'console-mobile-view-as');
    await banner.getByRole('button', { name: 'Stop viewing' }).click();
    await page.waitForURL('**/admin/tenants', WAIT);
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
