// Browser test of accounts: the platform owner creates a business with an owner's email in the
// registry, the invite is opened from the local mailbox page (no SMTP configured), the owner sets a
// password and lands in their business; the owner invites staff from the Team page; a forgotten
// password is reset from the sign-in page. On a desktop and on a 390 px phone. The real web build,
// served by the real API (real Postgres and Temporal), driven by headless Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { uniqueId } from '../stack.ts';
import { GOOD_PASSWORD, tokenMailedTo } from '../account-fixtures.ts';
import { launchChromium } from './browser.ts';

const WAIT = { timeout: 30_000 };
const PASSWORD = 'tidy gardens every tuesday';
const SCREENS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];
const opened: BrowserContext[] = [];

async function newPage(screen: keyof typeof SCREENS): Promise<Page> {
  const context = await browser!.newContext({ viewport: SCREENS[screen], ...(screen === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
  opened.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });
const fitsTheScreen = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server!.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the newest mail to `to` on the local mailbox page and follows its link into the app. */
async function followMailedLink(page: Page, to: string, screen: string, kind: 'invite' | 'reset-password') {
  const link = page.getByRole('link', { name: new RegExp(`/${kind}#token=`) }).first();
  await expect
    .poll(async () => {
      await page.goto(`${server!.url}/sandbox/mailbox?to=${encodeURIComponent(to)}`);
      return link.count();
    }, { timeout: 30_000, interval: 500 })
    .toBeGreaterThan(0);
  await fitsTheScreen(page);
  await shot(page, `accounts-${screen}-mailbox-${kind}`);
  await link.click();
}

describe('accounts (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    browser = await launchChromium();
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    for (const context of opened) await context.close();
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  for (const screen of ['desktop', 'phone'] as const) {
    it(`${screen}: a business created with an owner's email; the owner opens the invite from the mailbox, sets a password and lands in their business`, async () => {
      const businessName = `Sunny Lawns ${uniqueId(screen)}`;
      const ownerEmail = `${uniqueId('owner')}@example.com`;

      // The platform owner, in the registry.
      const admin = await newPage(screen);
      await signIn(admin, server!.ownerEmail, server!.ownerPassword);
      await admin.waitForURL('**/admin/tenants', WAIT);
      await admin.getByRole('button', { name: 'New tenant' }).first().click();
      const dialog = admin.getByRole('dialog', { name: 'New tenant' });
      await dialog.getByLabel('Business name').fill(businessName);
      await dialog.getByLabel("Owner's email").fill(ownerEmail);
      await shot(admin, `accounts-${screen}-new-tenant`);
      await dialog.getByRole('button', { name: 'Create tenant' }).click();
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      const card = admin.locator('article[data-testid="tenant-card"]').filter({ has: admin.getByRole('heading', { name: businessName, exact: true }) });
      await card.waitFor(WAIT);
      const tenantId = (await card.getAttribute('data-tenant-id'))!;
      // A second owner can be invited from the card (for a business that has none yet, or another one).
      const secondOwner = `${uniqueId('co-owner')}@example.com`;
      // On a phone the "was added" toast covers the last card's buttons: close it, as a person would.
      await admin.getByText(`${businessName} was added.`).waitFor(WAIT);
      await admin.getByRole('button', { name: 'Close toast' }).first().click();
      await admin.getByText(`${businessName} was added.`).waitFor({ state: 'hidden', ...WAIT });
      await card.getByRole('button', { name: /Invite owner/ }).click();
      const inviteDialog = admin.getByRole('dialog', { name: 'Invite an owner' });
      await inviteDialog.getByLabel("Owner's email").fill(secondOwner);
      await inviteDialog.getByRole('button', { name: 'Send invite' }).click();
      await inviteDialog.waitFor({ state: 'hidden', ...WAIT });
      await admin.getByText(`Invite sent to ${secondOwner}.`).waitFor(WAIT);

      // The owner, in a browser of their own: the mailbox, the invite, a password.
      const owner = await newPage(screen);
      await followMailedLink(owner, ownerEmail, screen, 'invite');
      await owner.getByRole('heading', { name: `Join ${businessName}` }).waitFor(WAIT);
      await owner.getByRole('button', { name: 'Join and sign in' }).click();
      expect(await owner.locator('#invite-password-error').textContent()).toBeTruthy();
      await owner.getByLabel('Your name').fill('Olive Owner');
      await owner.getByLabel('Choose a password').fill('password123');
      await owner.getByRole('button', { name: 'Join and sign in' }).click();
      await owner.locator('#invite-password-error').filter({ hasText: /common/i }).waitFor(WAIT);
      await owner.getByLabel('Choose a password').fill(PASSWORD);
      await fitsTheScreen(owner);
      await shot(owner, `accounts-${screen}-accept-invite`);
      await owner.getByRole('button', { name: 'Join and sign in' }).click();

      await owner.waitForURL(new RegExp(`/t/${tenantId}(/|$)`), WAIT);
      await owner.getByTestId('tenant-name').filter({ hasText: businessName }).waitFor(WAIT);
      expect(await owner.getByTestId('signed-in-email').textContent()).toBe(ownerEmail);
      await fitsTheScreen(owner);
      await shot(owner, `accounts-${screen}-owner-home`);

      // The owner invites staff from the Team page; the invite waits there.
      const staffEmail = `${uniqueId('staff')}@example.com`;
      await owner.goto(`${server!.url}/t/${tenantId}/team`);
      await owner.getByRole('heading', { name: 'Team', level: 1 }).waitFor(WAIT);
      await owner.getByLabel('Email').fill(staffEmail);
      await owner.getByRole('button', { name: 'Send invite' }).click();
      await owner.getByTestId('team-invite').filter({ hasText: staffEmail }).waitFor(WAIT);
      expect(await owner.getByTestId('team-member').filter({ hasText: 'Olive Owner' }).count()).toBe(1);
      await fitsTheScreen(owner);
      await shot(owner, `accounts-${screen}-team`);
      expect(pageErrors).toEqual([]);
    });
  }

  it('phone: a forgotten password is reset from the sign-in page, through the mailbox', async () => {
    const email = `${uniqueId('forgetful')}@example.com`;
    // An account with a known email, as staff of root.
    const { hashPassword } = await import('../../domain/passwords.ts');
    await server!.testApp.deps.db.user.create({ data: { email, name: 'Fay', passwordHash: await hashPassword('the old one, forgotten'), memberships: { create: { tenantId: 'root', role: 'staff' } } } });

    const page = await newPage('phone');
    await page.goto(`${server!.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password', WAIT);
    // The page's own heading first: until its code has loaded, the sign-in form is still on screen.
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor(WAIT);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor(WAIT);
    await shot(page, 'accounts-phone-forgot-password');

    await followMailedLink(page, email, 'phone', 'reset-password');
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor(WAIT);
    await page.getByLabel('New password').fill(PASSWORD);
    await fitsTheScreen(page);
    await shot(page, 'accounts-phone-reset-password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('heading', { name: 'Your password is changed' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(WAIT);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/t\/root(\/|$)/, WAIT);
    expect(pageErrors).toEqual([]);
  });

  it('phone: someone in two businesses picks one on their home page, sees its team read-only as staff, and switches to the other', async () => {
    const t = server!.testApp;
    const platform = await t.ownerToken();
    const email = `${uniqueId('two-hats')}@example.com`;
    const [own, other] = [`Own Shop ${uniqueId('a')}`, `Other Shop ${uniqueId('b')}`];
    const ids: string[] = [];
    for (const [businessName, role] of [[own, 'owner'], [other, 'staff']] as const) {
      const id = uniqueId('hats');
      expect((await t.call('POST', '/api/admin/tenants', { token: platform, body: { id, businessName, tier: 'pro' } })).status).toBe(201);
      expect((await t.call('POST', `/api/tenants/${id}/members`, { token: platform, body: { email, role } })).status).toBe(201);
      const token = await tokenMailedTo(t, email, { tenantId: id });
      expect((await t.call('POST', '/api/invites/accept', { body: { token, name: 'Hattie', password: GOOD_PASSWORD } })).status).toBe(200);
      ids.push(id);
    }

    const page = await newPage('phone');
    await signIn(page, email, GOOD_PASSWORD);
    await page.waitForURL('**/app', WAIT);
    await page.getByRole('link', { name: other }).click();
    await page.waitForURL(new RegExp(`/t/${ids[1]}(/|$)`), WAIT);
    await page.goto(`${server!.url}/t/${ids[1]}/team`);
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor(WAIT);
    await page.getByTestId('team-member').first().waitFor(WAIT);
    // Staff: the list, no invite form and no buttons.
    expect(await page.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Remove|Make owner|Make staff/ }).count()).toBe(0);
    await fitsTheScreen(page);
    await shot(page, 'accounts-phone-team-staff');

    await page.getByTestId('business-switcher').selectOption(ids[0]!);
    await page.waitForURL(new RegExp(`/t/${ids[0]}(/|$)`), WAIT);
    await page.getByTestId('tenant-name').filter({ hasText: own }).waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });
});
