// Browser test of "Services & hours": the real web build served by the real API (Postgres + Temporal
// from the vitest globalSetup), driven by headless Chromium. A business owner adds a service (price
// in dollars, one van to do it), gives the van its own week, adds days off and changes the booking
// rules — and the database holds each change; then the same page at 390 px, and a staff member's
// read-only view.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/passwords.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { createBookingTenant } from '../booking-fixtures.ts';
import { uniqueId } from '../stack.ts';
import { launchChromium, openDesktopPage } from './browser.ts';
import { addOwner, fullPageShot, noSidewaysScroll, openPhonePage, OWNER_PASSWORD, signIn } from './business-owners.ts';

const WAIT = { timeout: 30_000 };
const ZONE = 'America/Chicago';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let desktop: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];
const shop = { id: '', resourceId: '', email: `${uniqueId('setup')}@servicepro.test`, staffEmail: `${uniqueId('staff')}@servicepro.test` };

const db = () => server!.testApp.deps.db;
const shot = fullPageShot;
/** A day a few weeks ahead on the business's clock, a Monday, so the days off are a working week. */
const firstDayOff = DateTime.now().setZone(ZONE).plus({ weeks: 3 }).startOf('week').toISODate()!;
const lastDayOff = DateTime.fromISO(firstDayOff).plus({ days: 4 }).toISODate()!;

/** Signs in and opens the section from the tabs (on a phone, from the Sections menu). */
async function openSetup(page: Page, email: string, { phone = false } = {}) {
  await page.goto(`${server!.url}/login`);
  await signIn(page, email);
  await page.waitForURL(`**/t/${shop.id}`, WAIT);
  if (phone) await page.getByRole('button', { name: /^Sections/ }).click();
  await page.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name: 'Services & hours', exact: true }).filter({ visible: true }).click();
  await page.waitForURL(`**/t/${shop.id}/services`, WAIT);
  await page.getByRole('heading', { name: 'Services & hours', level: 1 }).waitFor(WAIT);
}

describe('Services & hours (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    const b = await createBookingTenant(server.testApp, { timeZone: ZONE, businessName: 'Shiny Wheels Detailing' });
    shop.id = b.tenantId;
    shop.resourceId = b.resourceId;
    await addOwner(server.testApp, shop.id, shop.email);
    await db().user.create({ data: { email: shop.staffEmail, passwordHash: await hashPassword(OWNER_PASSWORD), memberships: { create: { tenantId: shop.id, role: 'staff' } } } });
    browser = await launchChromium();
    desktop = await openDesktopPage(browser, { timeoutMs: WAIT.timeout, pageErrors });
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('an owner adds a service in dollars, done by one van; the database has it in cents', async () => {
    const { page } = desktop;
    await openSetup(page, shop.email);
    await page.getByRole('button', { name: 'Add a service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service' });
    await dialog.getByLabel('Name', { exact: true }).fill('Ceramic coating');
    await dialog.getByLabel('How long it takes (minutes)').fill('3');
    await dialog.getByLabel('Price ($)').fill('899.50');
    await dialog.getByLabel('Time after (minutes)').fill('30');
    await dialog.getByRole('checkbox', { name: 'Van 1' }).check();
    // Deposits are off for this business: no deposit to ask about.
    expect(await dialog.getByLabel('Deposit ($)').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add service' }).click();
    expect(await dialog.locator('[data-field-error="service-duration"]').textContent()).toBe('How long it takes must be 5–720 minutes');
    await dialog.getByLabel('How long it takes (minutes)').fill('240');
    await dialog.getByRole('button', { name: 'Add service' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    const row = page.locator('[data-testid="services-card"] li').filter({ hasText: 'Ceramic coating' });
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('4 h · $899.50 · Van 1');
    const stored = await forTenant(db(), shop.id).service.findFirstOrThrow({ where: { name: 'Ceramic coating' }, include: { resources: true } });
    expect(stored).toMatchObject({ durationMin: 240, priceCents: 89_950, bufferAfterMin: 30, depositCents: 0, active: true });
    expect(stored.resources.map((r) => r.resourceId)).toEqual([shop.resourceId]);
  });

  it('gives the van its own week with the business-hours editor', async () => {
    const { page } = desktop;
    await page.getByRole('button', { name: 'Edit Van 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Van 1' });
    await dialog.getByRole('radio', { name: 'Their own hours' }).check();
    // A new week starts as 9 to 5 on weekdays; Monday becomes a morning only.
    await dialog.getByLabel('Monday period 1 closes').fill('12:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.locator(`li[data-resource-id="${shop.resourceId}"]`).filter({ hasText: 'Mon 9 AM – 12 PM · Tue–Fri 9 AM – 5 PM' }).waitFor(WAIT);
    const van = await forTenant(db(), shop.id).resource.findFirstOrThrow({ where: { id: shop.resourceId } });
    expect(van.weeklyHours).toEqual({ mon: [['09:00', '12:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] });
  });

  it('adds a week off on the business’s clock, and removes a day off again', async () => {
    const { page } = desktop;
    const panel = page.getByTestId(`time-off-${shop.resourceId}`);
    await panel.getByLabel('First day off').fill(firstDayOff);
    await panel.getByLabel('Last day off').fill(lastDayOff);
    await panel.getByLabel(/Reason/).fill('Vacation');
    await panel.getByRole('button', { name: 'Add time off' }).click();
    await panel.getByRole('status').filter({ hasText: 'Time off added' }).waitFor(WAIT);
    await panel.locator('li').filter({ hasText: 'Vacation' }).waitFor(WAIT);
    const [off] = await forTenant(db(), shop.id).resourceTimeOff.findMany({ where: { resourceId: shop.resourceId } });
    expect(off).toMatchObject({ reason: 'Vacation', startsAt: DateTime.fromISO(firstDayOff, { zone: ZONE }).toJSDate(), endsAt: DateTime.fromISO(lastDayOff, { zone: ZONE }).plus({ days: 1 }).toJSDate() });

    // One more day, then gone again.
    const extra = DateTime.fromISO(lastDayOff).plus({ days: 7 }).toISODate()!;
    await panel.getByLabel('First day off').fill(extra);
    await panel.getByRole('button', { name: 'Add time off' }).click();
    await expect.poll(() => panel.locator('.time-off-list li').count(), WAIT).toBe(2);
    await panel.locator('.time-off-list li').nth(1).getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => panel.locator('.time-off-list li').count(), WAIT).toBe(1);
    await panel.getByText(/^Time off removed: /).waitFor(WAIT);
    expect(await forTenant(db(), shop.id).resourceTimeOff.count({ where: { resourceId: shop.resourceId } })).toBe(1);
  });

  it('changes the booking rules in plain words; the API reads them back, and deposits show in the service dialog', async () => {
    const { page } = desktop;
    const rules = page.getByTestId('booking-rules');
    await rules.getByLabel('How much notice do you need?').selectOption({ label: '1 day' });
    await rules.getByLabel('Offer start times every').selectOption({ label: '1 hour' });
    await rules.getByLabel(/How far ahead can people book/).fill('90');
    await rules.getByLabel('Late-cancellation fee ($)').fill('25');
    await rules.getByLabel(/Review link/).fill('http://example.com');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    expect(await rules.locator('[data-field-error="rules-review"]').textContent()).toBe('The review link must be a web address starting with https://');
    await rules.getByLabel(/Review link/).fill('https://g.page/r/shiny/review');
    await rules.getByRole('switch', { name: 'Ask for a deposit when customers book online' }).click();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByRole('status').filter({ hasText: 'Saved' }).waitFor(WAIT);
    await shot(page, 'booking-setup');

    const token = await server!.testApp.login(shop.email, OWNER_PASSWORD);
    const answer = (await (await fetch(`${server!.url}/api/tenants/${shop.id}/booking-settings`, { headers: { authorization: `Bearer ${token}` } })).json()) as { bookingSettings: Record<string, unknown> };
    expect(answer.bookingSettings).toMatchObject({ minNoticeMin: 1440, slotIntervalMin: 60, maxAdvanceDays: 90, cancellationFeeCents: 2_500, depositsEnabled: true, reviewUrl: 'https://g.page/r/shiny/review' });

    await page.reload();
    await page.getByRole('button', { name: 'Edit Ceramic coating' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Ceramic coating' });
    await dialog.getByLabel('Deposit ($)').fill('900');
    await dialog.getByRole('button', { name: 'Save service' }).click();
    expect(await dialog.locator('[data-field-error="service-deposit"]').textContent()).toBe('The deposit can’t be more than the price');
    await dialog.getByLabel('Deposit ($)').fill('100');
    await dialog.getByRole('button', { name: 'Save service' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect((await forTenant(db(), shop.id).service.findFirstOrThrow({ where: { name: 'Ceramic coating' } })).depositCents).toBe(10_000);
  });

  it('fits a phone: no sideways scrolling on the page or in the service dialog', async () => {
    const phone = await openPhonePage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    try {
      await openSetup(phone.page, shop.email, { phone: true });
      await phone.page.getByTestId('booking-rules').waitFor(WAIT);
      await noSidewaysScroll(phone.page);
      await shot(phone.page, 'booking-setup-mobile');
      await phone.page.getByRole('button', { name: 'Edit Van 1' }).click();
      await phone.page.getByRole('dialog', { name: 'Edit Van 1' }).getByLabel('Monday period 1 closes').waitFor(WAIT);
      await noSidewaysScroll(phone.page);
      await shot(phone.page, 'booking-setup-mobile-resource');
      await phone.page.keyboard.press('Escape');
      await phone.page.getByRole('button', { name: 'Add a service' }).click();
      await phone.page.getByRole('dialog', { name: 'Add a service' }).getByLabel('Deposit ($)').waitFor(WAIT);
      await noSidewaysScroll(phone.page);
      await shot(phone.page, 'booking-setup-mobile-service');
    } finally {
      await phone.context.close();
    }
  });

  it('staff see it all, read only', async () => {
    const staff = await openDesktopPage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    try {
      await openSetup(staff.page, shop.staffEmail);
      await staff.page.getByRole('note').filter({ hasText: 'Only the business owner can change these' }).waitFor(WAIT);
      await staff.page.locator('[data-testid="services-card"] li').filter({ hasText: 'Ceramic coating' }).waitFor(WAIT);
      expect(await staff.page.getByRole('button', { name: 'Add a service' }).count()).toBe(0);
      expect(await staff.page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
      expect(await staff.page.getByRole('button', { name: 'Add time off' }).count()).toBe(0);
      expect(await staff.page.getByLabel('How much notice do you need?').isDisabled()).toBe(true);
      await staff.page.getByTestId(`time-off-${shop.resourceId}`).locator('li').filter({ hasText: 'Vacation' }).waitFor(WAIT);
      await shot(staff.page, 'booking-setup-staff');
    } finally {
      await staff.context.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
