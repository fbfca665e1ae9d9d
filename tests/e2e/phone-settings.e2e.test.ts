// Browser test of the tenant area: the real web build served by the real API (Postgres + Temporal
// from the vitest globalSetup, the local Twilio sandbox), driven by headless Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { createTenant } from '../tenant-fixtures.ts';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 30_000 };
// Root's forwarding number after this test (the simulator API test sets the same one).
const ROOT_FORWARDING = '+19185550111';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let page: Page;
let ownerToken = '';
let originalRootHours: unknown = null;
const pageErrors: string[] = [];

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server!.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${ownerToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as { phoneSettings: Record<string, unknown> };
}

const tab = (name: string) => page.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name, exact: true });

describe('tenant area: phone settings, SIP, call simulator (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    ownerToken = await server.testApp.ownerToken();
    originalRootHours = (await api('GET', '/api/tenants/root/phone-settings')).phoneSettings.businessHours;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await mkdir(resultsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    // Root is shared by every test file: put its hours back (forwarding stays ROOT_FORWARDING).
    if (server) await api('PATCH', '/api/tenants/root/phone-settings', { businessHours: originalRootHours, forwardingNumber: ROOT_FORWARDING }).catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it("signs the owner in and opens the root tenant from its card", async () => {
    await page.goto(`${server!.url}/login`);
    await page.getByLabel('Email').fill(server!.ownerEmail);
    await page.getByLabel('Password').fill(server!.ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/tenants', WAIT);
    await page.locator('article[data-tenant-id="root"]').getByRole('link', { name: /^Open/ }).click();
    // A business opens on its home page (issue 9); the call log is one tab away.
    await page.waitForURL('**/t/root', WAIT);
    await page.getByTestId('tenant-name').filter({ hasText: 'Clean Machine Auto Detail' }).waitFor(WAIT);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor(WAIT);
    expect(await tab('Home').getAttribute('aria-current')).toBe('page');
    await tab('Calls').click();
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor(WAIT);
    expect(await tab('Calls').getAttribute('aria-current')).toBe('page');
    expect(await tab('Home').getAttribute('aria-current')).toBeNull();
  });

  it('changes the forwarding number and business hours with inline checks; they are kept after a reload', async () => {
    await tab('Phone settings').click();
    await page.waitForURL('**/t/root/phone', WAIT);
    const forwarding = page.getByLabel(/Forward calls to/);
    await forwarding.fill('555');
    await page.getByRole('radio', { name: 'Only during business hours' }).check();
    // Start from a clean week whatever root had.
    for (let remove = page.getByRole('button', { name: /^Remove / }); (await remove.count()) > 0; ) await remove.first().click();
    await page.getByRole('button', { name: '+ Add hours on Monday' }).click();
    await page.getByLabel('Monday period 1 opens').fill('00:00');
    await page.getByLabel('Monday period 1 closes').fill('12:00');
    await page.getByRole('button', { name: '+ Add hours on Monday' }).click();
    await page.getByLabel('Monday period 2 opens').fill('11:00');
    await page.getByLabel('Monday period 2 closes').fill('23:59');
    await page.getByRole('button', { name: 'Save changes' }).click();

    expect(await page.locator('#phone-forwardingNumber-error').textContent()).toMatch(/area code/);
    expect(await forwarding.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-field-error="businessHours.mon.1"]').textContent()).toBe('This overlaps 00:00–12:00');

    await forwarding.fill('(918) 555-0112');
    await page.getByLabel('Monday period 2 opens').fill('12:00');
    await page.locator('[data-field-error="businessHours.mon.1"]').waitFor({ state: 'detached', ...WAIT });
    // Open around the clock on every day, so root keeps answering calls in the other tests meanwhile.
    await page.getByRole('button', { name: 'Copy Monday to every day' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor(WAIT);
    await page.screenshot({ path: `${resultsDir}phone-settings.png`, fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Phone settings' }).waitFor(WAIT);
    expect(await page.getByLabel(/Forward calls to/).inputValue()).toBe('+19185550112');
    expect(await page.getByRole('radio', { name: 'Only during business hours' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Monday period 2 opens').inputValue()).toBe('12:00');
    expect(await page.getByLabel('Sunday period 1 opens').inputValue()).toBe('00:00');
    expect(await page.getByLabel('Sunday period 2 closes').inputValue()).toBe('23:59');
    const stored = (await api('GET', '/api/tenants/root/phone-settings')).phoneSettings;
    expect(stored.forwardingNumber).toBe('+19185550112');
    expect((stored.businessHours as Record<string, unknown>).sun).toEqual([['00:00', '12:00'], ['12:00', '23:59']]);

    await page.getByLabel(/Forward calls to/).fill(ROOT_FORWARDING);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor(WAIT);
  });

  it('shows plan-locked options disabled with the plan message (starter)', async () => {
    const starter = await createTenant(server!.testApp, ownerToken, 'starter');
    await page.goto(`${server!.url}/t/${starter.id}/phone`);
    const menu = page.locator('.mode-option[data-mode="ivr"]');
    await menu.waitFor(WAIT);
    expect(await menu.locator('input').isDisabled()).toBe(true);
    expect(await menu.textContent()).toContain('The phone menu (IVR) is part of the Pro plan — upgrade to use it.');
    expect(await page.locator('.mode-option[data-mode="simple"] input').isChecked()).toBe(true);
  });

  it("a house cleaner's message boxes show a cleaner's examples, not a detailer's (at 390 px)", async () => {
    const cleaner = await createTenant(server!.testApp, ownerToken, 'pro');
    await fetch(`${server!.url}/api/admin/tenants/${cleaner.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ industry: 'house-cleaning' }) });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server!.url}/t/${cleaner.id}/phone`);
    const info = page.getByLabel(/Info message \(press 1\)/);
    await info.waitFor(WAIT);
    expect(await info.getAttribute('placeholder')).toMatch(/We clean homes top to bottom/);
    expect(await page.getByLabel(/^Greeting/).getAttribute('placeholder')).toMatch(/^Thanks for calling Test .*We clean your home/);
    const examples = await page.locator('textarea').evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).placeholder).join(' '));
    expect(examples).not.toMatch(/car\b|shine|detail/i);
    await page.locator('fieldset').filter({ hasText: 'What callers hear' }).screenshot({ path: `${resultsDir}phone-settings-cleaner-examples.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('connects a SIP app: the password shows only as set, the QR code carries the SIP address', async () => {
    const elite = await createTenant(server!.testApp, ownerToken, 'elite');
    await page.goto(`${server!.url}/t/${elite.id}/sip`);
    await page.getByLabel('SIP domain').fill('sparkle.sip.twilio.com');
    await page.getByLabel('Username').fill('desk');
    await page.getByLabel('Password').fill('Sparkle-Desk-2026');
    await page.getByRole('button', { name: 'Save SIP account' }).click();
    await page.getByTestId('sip-password-status').filter({ hasText: 'Set' }).waitFor(WAIT);
    const qr = page.locator('img.qr-code');
    await qr.waitFor(WAIT);
    expect(await qr.getAttribute('data-qr-text')).toBe('sip:desk@sparkle.sip.twilio.com');
    expect(await page.content()).not.toContain('Sparkle-Desk-2026');
    await page.screenshot({ path: `${resultsDir}sip-setup.png`, fullPage: true });
  });

  it('plays a test call on the simulator page; the transcript, the call log and the sandbox text show up', async () => {
    await page.goto(`${server!.url}/t/root/simulator`);
    await page.getByRole('button', { name: 'Press 1 — info' }).click();
    const transcript = page.getByTestId('call-transcript');
    await transcript.waitFor(WAIT);
    expect(await transcript.locator('.line-caller.line-say').count()).toBeGreaterThanOrEqual(2);
    expect(await transcript.locator('.line-caller.line-say').first().textContent()).toMatch(/Press 1/);
    expect(await transcript.locator('.step').count()).toBeGreaterThanOrEqual(3);
    expect(await transcript.locator('.form-alert').count()).toBe(0);
    await transcript.locator('.step summary').first().click();
    expect(await transcript.locator('pre.twiml').first().textContent()).toContain('<Gather');
    const callSid = await transcript.getAttribute('data-call-sid');
    await page.screenshot({ path: `${resultsDir}call-simulator.png`, fullPage: true });

    await tab('Calls').click();
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return page.locator(`tr[data-call-sid="${callSid}"]`).count();
      }, WAIT)
      .toBe(1);
    await tab('Texts').click();
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return page.locator('.record-item.message-outbound').filter({ hasText: '+1 (918) 555-0199' }).count();
      }, WAIT)
      .toBeGreaterThan(0);
  });

  it('a voicemail left through the simulator can be marked as listened', async () => {
    await tab('Try a call').click();
    await page.getByRole('button', { name: 'Press 3 — voicemail' }).click();
    const transcript = page.getByTestId('call-transcript');
    await transcript.locator('.line-record').waitFor(WAIT);
    const callSid = await transcript.getAttribute('data-call-sid');
    await tab('Voicemail').click();
    const item = page.locator(`.record-item[data-call-sid="${callSid}"]`);
    await item.waitFor(WAIT);
    expect(await item.locator('.new-badge').count()).toBe(1);
    await item.getByRole('button', { name: 'Mark as listened' }).click();
    await item.getByRole('button', { name: 'Mark as new' }).waitFor(WAIT);
    expect(await item.locator('.new-badge').count()).toBe(0);
  });

  it('fits a phone screen: no sideways scrolling on the call log, settings and simulator', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const section of ['calls', 'phone', 'simulator']) {
      await page.goto(`${server!.url}/t/root/${section}`);
      await page.locator('main h1').waitFor(WAIT);
      if (section === 'calls') await page.getByTestId('call-log').waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), section).toBeLessThanOrEqual(390);
    }
    await page.goto(`${server!.url}/t/root/calls`);
    await page.getByTestId('call-log').waitFor(WAIT);
    await page.screenshot({ path: `${resultsDir}call-log-mobile.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
