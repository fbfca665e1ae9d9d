// The owner's calendar on a phone (390 px), in a real browser against the real API, Postgres and
// Temporal with the local Twilio sandbox: a job booked by hand at a time of the owner's own, for a
// new customer; moved from the booking's sheet to one of the day's free times; cancelled with a
// reason. The row, the bookings list and the customer's texts follow each step. On a desk the
// week view shows the job on its day.
import { DateTime } from 'luxon';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTwilioSandbox } from '../../api/sandbox/twilio.ts';
import { whenText } from '../../domain/booking/texts.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { createBookingTenant } from '../booking-fixtures.ts';
import { randomPhone } from '../sms-fixtures.ts';
import { addOwner, fullPageShot, noSidewaysScroll, openPhonePage, signIn } from './business-owners.ts';
import { launchChromium, openDesktopPage } from './browser.ts';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 30_000 };

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let shop: Awaited<ReturnType<typeof createBookingTenant>>;
const ownerEmail = `calendar-phone-${Date.now()}@servicepro.test`;
const customer = { name: 'Rita Moreno', phone: randomPhone() };
const pageErrors: string[] = [];

const textsToCustomer = () => localTwilioSandbox(server!.testApp.deps)!.messages().filter((m) => m.to === customer.phone).map((m) => m.body);
const shot = fullPageShot;

describe("the owner's calendar on a phone (browser)", () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    shop = await createBookingTenant(server.testApp, { businessName: 'Rita’s Mobile Wash' });
    await addOwner(server.testApp, shop.tenantId, ownerEmail);
    browser = await launchChromium();
    await mkdir(resultsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('books by hand at a time of its own, moves it to a free time from the sheet, cancels it; the texts follow', async () => {
    const db = forTenant(server!.testApp.deps.db, shop.tenantId);
    // Tomorrow on the business's clock: 10:00 by hand, then moved to the day's 14:00 free time.
    const day = DateTime.now().setZone(shop.timeZone).plus({ days: 1 }).toISODate()!;
    const at = (hour: number) => DateTime.fromISO(`${day}T${String(hour).padStart(2, '0')}:00`, { zone: shop.timeZone }).toJSDate();

    const { context, page } = await openPhonePage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, ownerEmail);
    await page.waitForURL(`**/t/${shop.tenantId}**`, WAIT);
    await page.goto(`${server!.url}/t/${shop.tenantId}/calendar?date=${day}`);
    await page.getByRole('button', { name: 'New booking' }).click();

    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByRole('button', { name: 'Book it' }).click();
    expect(await dialog.getByText('Enter the customer’s name.').isVisible()).toBe(true);
    await dialog.getByLabel('Name', { exact: true }).fill(customer.name);
    await dialog.getByLabel('Mobile number').fill(customer.phone);
    await dialog.getByLabel('Service').selectOption({ label: 'Full detail (60 min)' });
    await dialog.getByRole('button', { name: 'Enter a time of your own' }).click();
    await dialog.getByLabel('Start time').fill('10:00');
    // Each message went once its field was filled in.
    expect(await dialog.locator('.field-error').count()).toBe(0);
    await noSidewaysScroll(page);
    await shot(page, 'calendar-new-booking-390');
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await dialog.waitFor({ state: 'detached' });

    const booking = await db.booking.findFirstOrThrow({ where: { customer: { phone: customer.phone } } });
    expect(booking).toMatchObject({ status: 'confirmed', startsAt: at(10), source: 'owner', resourceId: shop.resourceId });
    await expect.poll(textsToCustomer, WAIT).toContainEqual(expect.stringContaining(`you're booked for Full detail on ${whenText(at(10), shop.timeZone)}`));

    // The day view on a phone: one column, the block at its time; its sheet moves it.
    const block = page.locator(`[data-booking-id="${booking.id}"]`);
    await block.waitFor();
    expect(await block.getAttribute('aria-label')).toContain('10:00 AM');
    await noSidewaysScroll(page);
    await shot(page, 'calendar-day-390');
    await block.click();
    const sheet = page.getByRole('dialog', { name: customer.name });
    await sheet.getByRole('button', { name: 'Move' }).click();
    await sheet.getByRole('group', { name: 'Free times' }).getByRole('button', { name: '2:00 PM', exact: true }).click();
    await sheet.getByRole('status').filter({ hasText: 'Moved to' }).waitFor();
    await expect.poll(async () => (await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).startsAt.getTime(), WAIT).toBe(at(14).getTime());
    await expect.poll(textsToCustomer, WAIT).toContainEqual(expect.stringContaining(`moved to ${whenText(at(14), shop.timeZone)}`));

    // Cancel, with a reason the row keeps.
    await sheet.getByRole('button', { name: 'Cancel…' }).click();
    await sheet.getByLabel(/Reason/).fill('Rain all day');
    await sheet.getByRole('button', { name: 'Cancel booking' }).click();
    await sheet.getByRole('status').filter({ hasText: 'Cancelled.' }).waitFor();
    await expect.poll(async () => (await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status, WAIT).toBe('cancelled');
    await expect.poll(() => textsToCustomer().at(-1), WAIT).toMatch(/is cancelled/);
    await shot(page, 'calendar-cancelled-390');
    await page.keyboard.press('Escape');
    // A cancelled job leaves the grid; the bookings list still has it, marked.
    await expect.poll(() => block.count(), WAIT).toBe(0);
    await page.goto(`${server!.url}/t/${shop.tenantId}/bookings`);
    const row = page.getByTestId('bookings-list').locator(`[data-booking-id="${booking.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(customer.name);
    expect(await row.textContent()).toMatch(/Cancelled/);
    await noSidewaysScroll(page);
    await shot(page, 'bookings-list-390');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the week view on a desk shows a job on its day, under its time', async () => {
    const t = server!.testApp;
    const day = DateTime.now().setZone(shop.timeZone).plus({ days: 2 }).toISODate()!;
    const start = DateTime.fromISO(`${day}T11:30`, { zone: shop.timeZone }).toJSDate();
    const response = await t.call('POST', `/api/tenants/${shop.tenantId}/bookings`, {
      token: await t.ownerToken(),
      body: { serviceId: shop.serviceId, start: start.toISOString(), customer: { name: 'Week Viewer', phone: randomPhone() } },
    });
    expect(response.status).toBe(201);
    const { booking } = (await response.json()) as { booking: { id: string } };

    const { context, page } = await openDesktopPage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, ownerEmail);
    await page.waitForURL(`**/t/${shop.tenantId}**`, WAIT);
    await page.goto(`${server!.url}/t/${shop.tenantId}/calendar?view=week&date=${day}`);
    const column = page.locator(`[data-column-key="${day}"]`);
    await column.locator(`[data-booking-id="${booking.id}"]`).waitFor();
    expect(await column.locator(`[data-booking-id="${booking.id}"]`).getAttribute('aria-label')).toContain('11:30 AM');
    expect(await page.locator('[data-column-key]').count()).toBe(7);
    await shot(page, 'calendar-week-1280');
    await context.close();
  });
});
