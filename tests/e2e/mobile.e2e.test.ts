// Browser test of the web app on a phone-sized screen (390 × 844): every section of a business and
// the registry are reachable and fit, each page says where you are in its title, sign-in returns
// to the page asked for, a keyboard user can skip to the content, and phone numbers are taken the
// way people write them. The real web build, served by the real API, driven by headless Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { uniqueId } from '../stack.ts';
import { createTenant } from '../tenant-fixtures.ts';
import { launchChromium } from './browser.ts';

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };
const shot = (name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });

// Every section of a business: the link's words, the page's heading, the start of its title.
const SECTIONS = [
  { path: 'calls', link: 'Calls', heading: 'Calls' },
  { path: 'voicemails', link: 'Voicemail', heading: 'Voicemail' },
  { path: 'texts', link: 'Texts', heading: 'Texts' },
  { path: 'phone', link: 'Phone settings', heading: 'Phone settings' },
  { path: 'sip', link: 'SIP app', heading: 'Connect your SIP app' },
  { path: 'simulator', link: 'Try a call', heading: 'Try a call' },
  { path: 'website', link: 'Website', heading: 'Your website' },
  { path: 'billing', link: 'Billing', heading: 'Billing' },
  { path: 'team', link: 'Team', heading: 'Team' },
  { path: 'exports', link: 'Export data', heading: 'Export your data' },
];

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let page: Page;
let ownerToken = '';
let tenant = { id: '', businessName: '' };
const pageErrors: string[] = [];

const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server!.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${ownerToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, Record<string, unknown>>;
}

describe('the web app on a phone (390 px)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    ownerToken = await server.testApp.ownerToken();
    const { id } = await createTenant(server.testApp, ownerToken, 'elite');
    tenant = { id, businessName: `Test ${id}` };
    browser = await launchChromium();
    page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('a visitor who opens a page is asked to sign in, then lands on that page', async () => {
    await page.goto(`${server!.url}/t/${tenant.id}/voicemails`);
    await page.waitForURL(/\/login\?redirect=/, WAIT);
    await expect.poll(() => page.title()).toBe('Sign in · ServicePro');
    await page.getByLabel('Email').fill(server!.ownerEmail);
    await page.getByLabel('Password').fill(server!.ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/t/${tenant.id}/voicemails`, WAIT);
    await page.getByRole('heading', { name: 'Voicemail', level: 1 }).waitFor(WAIT);
    await expect.poll(() => page.title()).toBe(`Voicemail · ${tenant.businessName} · ServicePro`);
  });

  it('reaches every section of a business from the Sections menu, each page with its own title, none wider than the screen', async () => {
    await page.goto(`${server!.url}/t/${tenant.id}/calls`);
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor(WAIT);
    // On a phone the tabs give way to one button: nothing hides off-screen.
    expect(await page.getByRole('navigation', { name: 'Business sections' }).count()).toBe(0);
    for (const section of SECTIONS) {
      await page.getByRole('button', { name: /^Sections/ }).click();
      const sheet = page.getByRole('dialog');
      const link = sheet.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name: section.link, exact: true });
      await link.click();
      await page.waitForURL(`**/t/${tenant.id}/${section.path}`, WAIT);
      await sheet.waitFor({ state: 'hidden', ...WAIT });
      await page.getByRole('heading', { name: section.heading, level: 1 }).waitFor(WAIT);
      await expect.poll(() => page.title(), { timeout: WAIT.timeout }).toBe(`${section.heading} · ${tenant.businessName} · ServicePro`);
      expect(await page.getByRole('button', { name: /^Sections/ }).textContent()).toContain(section.link);
      await noSidewaysScroll();
      await shot(`mobile-${section.path}`);
    }
    // The sheet marks where you are.
    await page.getByRole('button', { name: /^Sections/ }).click();
    expect(await page.getByRole('dialog').getByRole('link', { name: 'Export data', exact: true }).getAttribute('aria-current')).toBe('page');
    await shot('mobile-sections-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden', ...WAIT });
  });

  it('the call log shows a new call on its own, without Refresh', async () => {
    await page.goto(`${server!.url}/t/${tenant.id}/calls`);
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor(WAIT);
    const placed = await api('POST', `/api/tenants/${tenant.id}/simulator/calls`, { from: '+19185550199', digits: ['3'], hangUpWhenDone: true });
    const callSid = placed.call!.callSid as string;
    // The list asks again every 15 s while it is on screen (LIST_REFRESH_MS).
    await page.locator(`tr[data-call-sid="${callSid}"]`).waitFor({ timeout: 40_000 });
  });

  it('toggles keep their size beside long labels', async () => {
    await page.goto(`${server!.url}/t/${tenant.id}/simulator`);
    const toggle = page.getByRole('switch', { name: /The caller hangs up after the last key/ });
    await toggle.waitFor(WAIT);
    const box = (await toggle.boundingBox())!;
    const label = (await page.locator('label', { hasText: 'The caller hangs up after the last key' }).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(38);
    expect(box.x + box.width).toBeLessThanOrEqual(label.x);
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('the registry fits too, with its title, and a keyboard user can skip straight to the content', async () => {
    await page.goto(`${server!.url}/admin/tenants`);
    await page.locator('article[data-testid="tenant-card"]').first().waitFor(WAIT);
    await expect.poll(() => page.title()).toBe('Tenant registry · ServicePro');
    expect(await page.getByRole('button', { name: 'New tenant' }).isVisible()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Show closed' }).isVisible()).toBe(true);
    await noSidewaysScroll();
    await shot('mobile-registry');

    // From the top of the page (focus on the body), the first Tab reaches the skip link.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('takes phone numbers the way people write them: "918 555 0123" is saved as +19185550123', async () => {
    await page.goto(`${server!.url}/t/${tenant.id}/phone`);
    await page.getByLabel(/Forward calls to/).fill('918 555 0123');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor(WAIT);
    expect((await api('GET', `/api/tenants/${tenant.id}/phone-settings`)).phoneSettings!.forwardingNumber).toBe('+19185550123');
    expect(await page.getByLabel(/Forward calls to/).inputValue()).toBe('+19185550123');

    await page.goto(`${server!.url}/admin/tenants`);
    await page.getByRole('button', { name: 'New tenant' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New tenant' });
    const name = `Phone Format ${uniqueId('pf')}`;
    await dialog.getByLabel('Business name').fill(name);
    await dialog.getByLabel(/Phone number/).fill(`(918) 555-${String(Math.floor(Math.random() * 9000) + 1000)}`);
    const typed = await dialog.getByLabel(/Phone number/).inputValue();
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    const card = page.locator('article[data-testid="tenant-card"]').filter({ hasText: name });
    await card.waitFor(WAIT);
    expect(await card.locator('a[href^="tel:"]').getAttribute('href')).toBe(`tel:+1${typed.replace(/\D/g, '')}`);
    expect(pageErrors).toEqual([]);
  });
});
