// Browser test of a business's home page and its banners: the real web build served by the real API
// (Postgres + Temporal from the vitest globalSetup, the API's own Twilio sandbox), driven by headless
// Chromium at desktop width and at 390 px. An owner signs in and lands on the dashboard with today's
// numbers; a trial about to end, a paused and a closed business each say so on every page; a closed
// one is read-only; and the link in the owner's voicemail text leads, through sign-in, to the inbox.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forTenant } from '../../prisma/tenant-db.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { uniqueId } from '../stack.ts';
import { launchChromium, openDesktopPage } from './browser.ts';
import { addOwner, businessOnTrial, noSidewaysScroll, openPhonePage, OWNER_PASSWORD, signIn, signOut as signOutOf } from './business-owners.ts';

const WAIT = { timeout: 30_000 };
const ZONE = 'America/Denver';
const OWNER_PHONE = '+19185550177';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let desktop: { context: BrowserContext; page: Page };
let phone: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];

const lawns = { id: '', email: `${uniqueId('lawns')}@servicepro.test` };
const closed = { id: '', email: `${uniqueId('closed')}@servicepro.test` };
const paused = { id: '', email: `${uniqueId('paused')}@servicepro.test` };

const db = () => server!.testApp.deps.db;
const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name, exact: true });
const signOut = (context: BrowserContext, page: Page) => signOutOf(context, page, server!.url);

describe('the business home page and its banners (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });

    // A lawn business on the phone menu, two days from the end of its trial, with a day behind it.
    lawns.id = await businessOnTrial(server.testApp, 'pro');
    await addOwner(server.testApp, lawns.id, lawns.email);
    await db().tenantPhoneConfig.update({ where: { tenantId: lawns.id }, data: { timeZone: ZONE, ivrMode: 'ivr', ownerNotifyPhone: OWNER_PHONE, forwardingNumber: null, greetingText: null } });
    await db().tenantBilling.update({ where: { tenantId: lawns.id }, data: { trialEndsAt: new Date(Date.now() + 1.5 * 86_400_000), hasPaymentMethod: false } });
    const ldb = forTenant(db(), lawns.id);
    await ldb.customer.create({ data: { name: 'Ana Lopez', phone: '+19185550201' } });
    const midnight = DateTime.now().setZone(ZONE).startOf('day');
    const call = (sid: string, at: DateTime, outcome: 'answered' | 'missed' | 'voicemail', from: string) => ({ callSid: sid, fromNumber: from, toNumber: '+19185550000', startedAt: at.toJSDate(), durationSec: 40, outcome });
    await ldb.call.createMany({
      data: [
        call('CA-yesterday', midnight.minus({ minutes: 5 }), 'answered', '+19185550203'),
        call('CA-1', midnight.plus({ minutes: 1 }), 'answered', '+19185550201'),
        call('CA-2', midnight.plus({ minutes: 2 }), 'missed', '+19185550202'),
        call('CA-3', midnight.plus({ minutes: 3 }), 'voicemail', '+19185550201'),
      ],
    });
    await ldb.voicemail.create({ data: { callSid: 'CA-3', recordingSid: 'RE-seeded', recordingUrl: 'https://api.twilio.com/rec/seeded', fromNumber: '+19185550201', durationSec: 21 } });
    await ldb.message.create({ data: { direction: 'inbound', idempotencyKey: 'in-ana', fromNumber: '+19185550201', toNumber: '+19185550000', body: 'Can you mow on Friday?', status: 'received' } });

    // A business the platform owner closed, and one paused for want of a card.
    closed.id = await businessOnTrial(server.testApp, 'pro');
    await addOwner(server.testApp, closed.id, closed.email);
    const platform = await server.testApp.ownerToken();
    expect((await server.testApp.call('DELETE', `/api/admin/tenants/${closed.id}`, { token: platform })).status).toBe(200);
    paused.id = await businessOnTrial(server.testApp, 'starter');
    await addOwner(server.testApp, paused.id, paused.email);
    await db().tenantConfig.update({ where: { tenantId: paused.id }, data: { status: 'suspended' } });

    browser = await launchChromium();
    desktop = await openDesktopPage(browser, { timeoutMs: WAIT.timeout, pageErrors });
    phone = await openPhonePage(browser, { timeoutMs: WAIT.timeout, pageErrors });
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it("an owner signs in and lands on the business's home page: today's calls, new voicemail, texts waiting, the trial", async () => {
    const { page } = desktop;
    await page.goto(`${server!.url}/login`);
    await signIn(page, lawns.email);
    await page.waitForURL(`**/t/${lawns.id}`, WAIT);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor(WAIT);
    await expect.poll(() => page.title()).toBe(`Home · Test ${lawns.id} · ServicePro`);
    expect(await tab(page, 'Home').getAttribute('aria-current')).toBe('page');

    // Midnight in Denver, not UTC: the call at 23:55 last night is not today's.
    await expect.poll(() => page.getByTestId('tile-calls-value').textContent(), WAIT).toBe('3');
    expect(await page.getByTestId('tile-calls').textContent()).toContain('1 answered · 2 missed (1 left a voicemail)');
    expect(await page.getByTestId('tile-voicemail-value').textContent()).toBe('1');
    expect(await page.getByTestId('tile-texts-value').textContent()).toBe('1');
    expect(await page.getByTestId('tile-account-value').textContent()).toBe('2 days left in your free trial');
    expect(await page.getByTestId('latest-calls').locator('li').count()).toBe(3);
    expect(await page.getByTestId('latest-calls').textContent()).toContain('Ana Lopez');
    expect(await page.getByTestId('waiting-texts').textContent()).toContain('Can you mow on Friday?');
    expect(await page.getByTestId('dashboard-date').textContent()).toBe(DateTime.now().setZone(ZONE).toFormat('cccc, LLLL d'));

    // The trial ends within three days and there is no card: every page says so.
    const banner = page.getByTestId('account-banner');
    expect(await banner.getAttribute('data-status')).toBe('trial_ending');
    expect(await banner.textContent()).toContain('Your free trial ends in 2 days.');
    await shot(page, 'dashboard-desktop');
  });

  it('refreshes itself: a new call shows on the home page without Refresh', async () => {
    const { page } = desktop;
    const at = DateTime.now().setZone(ZONE).startOf('day').plus({ minutes: 4 });
    await forTenant(db(), lawns.id).call.create({ data: { callSid: 'CA-4', fromNumber: '+19185550204', toNumber: '+19185550000', startedAt: at.toJSDate(), durationSec: 12, outcome: 'answered' } });
    // Asked again every 15 s while on screen (LIST_REFRESH_MS), like the lists.
    await expect.poll(() => page.getByTestId('tile-calls-value').textContent(), { timeout: 40_000 }).toBe('4');
    expect(await page.getByTestId('tile-calls').textContent()).toContain('2 answered · 2 missed');
  });

  it('the setup steps not done yet link to where each is done; the tiles lead to their pages', async () => {
    const { page } = desktop;
    const setup = page.getByTestId('setup-checklist');
    expect(await setup.textContent()).toContain('1 of 4 done');
    expect(await setup.locator('li[data-done="true"]').getAttribute('data-step')).toBe('number');
    await setup.getByRole('link', { name: 'Write your greeting' }).click();
    await page.waitForURL(`**/t/${lawns.id}/phone#phone-greetingText`, WAIT);
    await page.getByRole('heading', { name: 'Phone settings', level: 1 }).waitFor(WAIT);
    expect(await page.getByTestId('account-banner').getAttribute('data-status')).toBe('trial_ending');

    await tab(page, 'Home').click();
    await page.getByTestId('tile-texts').click();
    await page.waitForURL(`**/t/${lawns.id}/texts`, WAIT);
    await page.goto(`${server!.url}/t/${lawns.id}/home`);
    await page.waitForURL(`**/t/${lawns.id}`, WAIT);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor(WAIT);
  });

  it('at 390 px the home page fits the screen and reads top to bottom', async () => {
    const { page } = phone;
    await page.goto(`${server!.url}/t/${lawns.id}`);
    await page.waitForURL(/\/login\?redirect=/, WAIT);
    await signIn(page, lawns.email);
    await page.waitForURL(`**/t/${lawns.id}`, WAIT);
    await expect.poll(() => page.getByTestId('tile-calls-value').textContent(), WAIT).toBe('4');
    await page.getByTestId('account-banner').waitFor(WAIT);
    await noSidewaysScroll(page);
    await shot(page, 'dashboard-mobile');
  });

  it('a closed business says when it closed on every page; settings are read-only, export stays, no test calls', async () => {
    for (const { page, context, name } of [{ ...desktop, name: 'desktop' }, { ...phone, name: 'mobile' }]) {
      await signOut(context, page);
      await signIn(page, closed.email);
      await page.waitForURL(`**/t/${closed.id}`, WAIT);
      const banner = page.getByTestId('account-banner');
      await banner.waitFor(WAIT);
      expect(await banner.getAttribute('data-status')).toBe('closed');
      expect(await banner.textContent()).toMatch(/This business was closed on .+\. Everything is read-only now/);
      expect(await page.getByTestId('setup-checklist').count()).toBe(0);
      await shot(page, `closed-home-${name}`);

      await page.goto(`${server!.url}/t/${closed.id}/phone`);
      await page.getByTestId('closed-note').waitFor(WAIT);
      expect(await page.getByLabel(/Forward calls to/).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
      expect(await page.getByTestId('account-banner').getAttribute('data-status')).toBe('closed');
      if (name === 'mobile') await noSidewaysScroll(page);
      await shot(page, `closed-phone-settings-${name}`);

      await page.goto(`${server!.url}/t/${closed.id}/calls`);
      await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor(WAIT);
      expect(await page.getByRole('link', { name: 'Try a test call' }).count()).toBe(0);
      if (name === 'desktop') expect(await tab(page, 'Try a call').count()).toBe(0);
      else {
        await page.getByRole('button', { name: /^Sections/ }).click();
        expect(await page.getByRole('dialog').getByRole('link', { name: 'Try a call', exact: true }).count()).toBe(0);
        await page.keyboard.press('Escape');
      }
      await page.getByTestId('account-banner').getByRole('link', { name: 'Export your data' }).click();
      await page.waitForURL(`**/t/${closed.id}/exports`, WAIT);
      const exportButton = page.getByRole('button', { name: 'Export my data' });
      await expect.poll(() => exportButton.isEnabled(), WAIT).toBe(true);
    }
  });

  it('a paused business says why and what to do, on every page and at 390 px', async () => {
    for (const { page, context, name } of [{ ...desktop, name: 'desktop' }, { ...phone, name: 'mobile' }]) {
      await signOut(context, page);
      await signIn(page, paused.email);
      await page.waitForURL(`**/t/${paused.id}`, WAIT);
      const banner = page.getByTestId('account-banner');
      await banner.waitFor(WAIT);
      expect(await banner.getAttribute('data-status')).toBe('suspended');
      expect(await banner.getByRole('link', { name: 'Add a card to resume' }).getAttribute('href')).toBe(`/t/${paused.id}/billing`);
      expect(await page.getByTestId('tile-account-value').textContent()).toBe('Account paused');
      if (name === 'mobile') await noSidewaysScroll(page);
      await shot(page, `paused-home-${name}`);
    }
  });

  it("the link in the owner's voicemail text is a full address that lands, after sign-in, on the voicemail inbox", async () => {
    const { page, context } = desktop;
    await signOut(context, page);
    // A caller presses 3 and leaves a message; the call workflow texts the owner a link.
    const login = await server!.testApp.call('POST', '/api/auth/login', { body: { email: lawns.email, password: OWNER_PASSWORD } });
    const { token } = (await login.json()) as { token: string };
    const placed = await fetch(`${server!.url}/api/tenants/${lawns.id}/simulator/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+19185550188', digits: ['3'], answerScreening: false, hangUpWhenDone: true }),
    });
    expect(placed.status).toBe(200);
    const alert = await vi.waitFor(
      async () => {
        const row = await forTenant(db(), lawns.id).message.findFirst({ where: { kind: 'owner-alert', toNumber: OWNER_PHONE } });
        expect(row).toBeTruthy();
        return row!;
      },
      { timeout: 30_000, interval: 300 },
    );
    const link = /Listen: (\S+)/.exec(alert.body)?.[1] ?? '';
    expect(link).toBe(`${server!.url}/t/${lawns.id}/voicemails`);

    await page.goto(link);
    await page.waitForURL(/\/login\?redirect=/, WAIT);
    await signIn(page, lawns.email);
    await page.waitForURL(`**/t/${lawns.id}/voicemails`, WAIT);
    await page.getByRole('heading', { name: 'Voicemail', level: 1 }).waitFor(WAIT);
    await page.getByTestId('voicemail-list').locator('li').filter({ hasText: '(918) 555-0188' }).waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });
});
