// Browser test of what the owner sees of texts that were held or refused, and of the countries
// setting: the real web build served by the real API, driven by headless Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagingActivities } from '../../activities/messaging.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { randomPhone } from '../sms-fixtures.ts';
import { uniqueId } from '../stack.ts';
import { createTenant } from '../tenant-fixtures.ts';
import { launchChromium, openDesktopPage } from './browser.ts';

const WAIT = { timeout: 30_000 };
// 03:30 UTC in January is 21:30 in Chicago: quiet hours, which end at 08:00 there.
const NIGHT = '2026-01-15T03:30:00Z';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let page: Page;
let tenantId = '';
const pageErrors: string[] = [];

describe('texts held or refused, and where texts may go (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    const ownerToken = await server.testApp.ownerToken();
    ({ id: tenantId } = await createTenant(server.testApp, ownerToken, 'pro'));
    browser = await launchChromium();
    ({ page } = await openDesktopPage(browser, { timeoutMs: WAIT.timeout, pageErrors }));
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(server.ownerEmail);
    await page.getByLabel('Password').fill(server.ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/tenants', WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('the Texts page says until when a quiet-hours text is held, and why a refused one was not sent', async () => {
    const messaging = createMessagingActivities(server!.testApp.deps);
    await messaging.sendSms({ tenantId, to: randomPhone(), body: 'Sorry we missed your call!', idempotencyKey: uniqueId('held'), kind: 'automation', now: NIGHT });
    await messaging.sendSms({ tenantId, to: '+9611234567', body: 'Thanks for calling!', idempotencyKey: uniqueId('abroad'), kind: 'reply' });

    await page.goto(`${server!.url}/t/${tenantId}/texts`);
    const list = page.getByTestId('message-list');
    await list.waitFor(WAIT);
    const held = list.locator('li[data-status="blocked_quiet_hours"]');
    await expect.poll(() => held.locator('.message-status').textContent()).toBe('Held until 8:00 AM');
    const refused = list.locator('li[data-status="blocked_destination"]');
    expect(await refused.locator('.message-status').textContent()).toBe('Not sent — number not allowed');
    expect(await refused.textContent()).toContain('is a number in Lebanon');
    expect(pageErrors).toEqual([]);
  });

  it('the owner narrows the countries texts and calls go to; a forwarding number outside them is refused with the reason', async () => {
    await page.goto(`${server!.url}/t/${tenantId}/phone`);
    const countries = page.getByRole('group', { name: 'Countries we text and call' });
    await countries.waitFor(WAIT);
    const canada = countries.getByRole('checkbox', { name: 'Canada' });
    expect(await canada.isChecked()).toBe(true);
    await canada.uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    await page.reload();
    await countries.waitFor(WAIT);
    expect(await countries.getByRole('checkbox', { name: 'Canada' }).isChecked()).toBe(false);
    expect(await countries.getByRole('checkbox', { name: 'United States' }).isChecked()).toBe(true);

    await page.getByLabel(/Forward calls to/).fill('+16135550123');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Forwarding number is a number in Canada; ServicePro texts and calls only numbers in United States. Enter another number.').waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });
});
