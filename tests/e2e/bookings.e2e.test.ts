// A booking end to end in real browsers: a customer books from the business's website on a phone
// (390 px, no script), the booking is on the owner's calendar, the owner drags it an hour later,
// and the customer's reminder follows the move. Real API, Postgres and Temporal, the local Twilio
// sandbox.
//
// The reminder leads are set for this run so that a real reminder text is due shortly after the
// move, and one that would still be due for the old time comes a little later: the customer must
// get exactly one reminder, for the new time, and none for the old one.
import { DateTime } from 'luxon';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTwilioSandbox } from '../../api/sandbox/twilio.ts';
import { REPLY_OPTIONS, whenText } from '../../domain/booking/texts.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { bookingStateQuery } from '../../workflows/booking.messages.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { createBookingTenant } from '../booking-fixtures.ts';
import { publishSite } from '../site-stack.ts';
import { randomPhone } from '../sms-fixtures.ts';
import { addOwner, noSidewaysScroll, PHONE, signIn } from './business-owners.ts';
import { launchChromium, openDesktopPage } from './browser.ts';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 30_000 };
const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
/** From the leads' zero point: the move must be done by then, when the new time's reminder is due. */
const MOVE_BY_MS = 150_000;
/** When a reminder for the old time would be due, had it not followed the move. */
const OLD_REMINDER_MS = 180_000;

/** The run's times, fixed once the web app is built (the leads are server settings, so they come first). */
let zero = 0;
let booked: Date;
let moved: Date;
let leads: number[] = [];
function planTimes() {
  zero = Date.now();
  // The customer books the first half hour at least 75 minutes away; the owner moves it an hour later.
  booked = new Date(Math.ceil((zero + 75 * MINUTE) / HALF_HOUR) * HALF_HOUR);
  moved = new Date(booked.getTime() + 60 * MINUTE);
  const leadFor = (start: Date, dueMs: number) => (start.getTime() - (zero + dueMs)) / MINUTE;
  // Each lead puts the other start's reminder more than an hour into the past, so each start gets exactly one.
  leads = [leadFor(moved, MOVE_BY_MS), leadFor(booked, OLD_REMINDER_MS)];
}
/** The site's links name times to the second: 2026-12-02T20:30:00Z. */
const isoSeconds = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
const localDate = (instant: Date) => DateTime.fromJSDate(instant, { zone: shop.timeZone }).toISODate()!;

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let shop: Awaited<ReturnType<typeof createBookingTenant>>;
const ownerEmail = `calendar-${Date.now()}@servicepro.test`;
const customer = { name: 'Jane Visitor', phone: randomPhone() };
const pageErrors: string[] = [];

const textsToCustomer = () => localTwilioSandbox(server!.testApp.deps)!.messages().filter((m) => m.to === customer.phone).map((m) => m.body);
const reminders = () => textsToCustomer().filter((body) => body.includes(REPLY_OPTIONS));

describe('a booking from the website to the calendar (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    planTimes();
    server = await startTestServer({ webDist, env: { BOOKING_REMINDER_LEAD_MINUTES: leads.join(',') } });
    const t = server.testApp;
    shop = await createBookingTenant(t, { businessName: 'Sunny Side Auto Spa' });
    await publishSite(t, shop.tenantId);
    // publishSite gives the site's sample hours; the test's times are offered whenever it runs.
    const allDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '23:59']]]));
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: shop.tenantId }, data: { businessHours: allDay } });
    await addOwner(t, shop.tenantId, ownerEmail);
    browser = await launchChromium();
    await mkdir(resultsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('books on a phone, shows on the calendar, moves by drag, and the reminder follows the move', async () => {
    const db = forTenant(server!.testApp.deps.db, shop.tenantId);

    // ── The customer, on a phone, on the business's website (no script runs on it) ──
    const phone = await browser!.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    const site = await phone.newPage();
    site.setDefaultTimeout(WAIT.timeout);
    await site.goto(`${server!.url}/s/${shop.tenantId}/book`);
    await site.getByRole('link', { name: 'Pick a time for Full detail' }).click();
    await site.getByRole('heading', { name: 'Full detail: pick a time' }).waitFor();
    const bookedDay = localDate(booked);
    await site.locator(`nav[aria-label="Days"] a[href$="date=${bookedDay}"]`).click();
    const slotLink = site.locator(`ul.slots a[href$="start=${encodeURIComponent(isoSeconds(booked))}"]`);
    expect(await slotLink.count(), `the site offers ${isoSeconds(booked)}`).toBe(1);
    await noSidewaysScroll(site);
    await site.screenshot({ path: path.join(resultsDir, 'booking-site-slots-390.png'), fullPage: true });
    await slotLink.click();
    await site.getByLabel('Your name').fill(customer.name);
    await site.getByLabel('Mobile number').fill(customer.phone);
    await site.getByLabel('Address where we do the job').fill('12 Elm St, Tulsa');
    await site.getByRole('checkbox', { name: /Text me about my booking/ }).check();
    await site.getByRole('button', { name: 'Book this time' }).click();
    await site.getByRole('heading', { name: /^Booked: Full detail,/ }).waitFor();
    await noSidewaysScroll(site);
    await site.screenshot({ path: path.join(resultsDir, 'booking-site-booked-390.png'), fullPage: true });

    const booking = await db.booking.findFirstOrThrow({ where: { customer: { phone: customer.phone } } });
    expect(booking).toMatchObject({ status: 'confirmed', startsAt: booked, source: 'web' });
    await expect.poll(textsToCustomer, WAIT).toContainEqual(expect.stringContaining(`you're booked for Full detail on ${whenText(booked, shop.timeZone)}`));
    const workflow = server!.testApp.deps.temporal.workflow.getHandle(workflowIds.booking(shop.tenantId, booking.id));

    // ── The owner, at a desk: the booking is on the day's calendar, under its resource ──
    const { context: desk, page } = await openDesktopPage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, ownerEmail);
    await page.waitForURL(`**/t/${shop.tenantId}**`, WAIT);
    await page.goto(`${server!.url}/t/${shop.tenantId}/calendar?view=day&date=${bookedDay}`);
    const block = page.locator(`[data-booking-id="${booking.id}"]`);
    await block.waitFor();
    const column = page.locator(`[data-column-key="${shop.resourceId}"]`);
    expect(await column.locator(`[data-booking-id="${booking.id}"]`).count(), 'the booking is in Van 1’s column').toBe(1);
    expect(await block.getAttribute('aria-label')).toContain(customer.name);
    await block.scrollIntoViewIfNeeded();

    // Drag it one hour down: the grid's hour height is the distance between two hour lines.
    const box = (await block.boundingBox())!;
    const hourPx = await column.locator('.time-grid-hour-line').evaluateAll((lines) => (lines.length > 1 ? lines[1]!.getBoundingClientRect().top - lines[0]!.getBoundingClientRect().top : 0));
    expect(hourPx, 'hour lines on the grid').toBeGreaterThan(20);
    const [x, y] = [box.x + box.width / 2, box.y + Math.min(12, box.height / 2)];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(x, y + (hourPx * step) / 10);
    await page.mouse.up();
    const note = page.locator('[data-move-note]');
    await note.waitFor();
    expect(await note.getAttribute('data-move-note'), await note.textContent() ?? '').toBe('ok');
    expect(await note.textContent()).toContain(`Moved ${customer.name}`);
    const movedAt = Date.now();
    await page.screenshot({ path: path.join(resultsDir, 'booking-calendar-moved-1280.png'), fullPage: true });

    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).startsAt).toEqual(moved);
    await expect.poll(textsToCustomer, WAIT).toContainEqual(expect.stringContaining(`moved to ${whenText(moved, shop.timeZone)}`));
    expect((await workflow.query(bookingStateQuery)).start).toBe(moved.toISOString());
    expect(movedAt - zero, 'moved before the new time’s reminder was due (a slow machine: raise MOVE_BY_MS)').toBeLessThan(MOVE_BY_MS - 10_000);

    // ── The owner's phone: the day view shows the moved booking at its new time ──
    const owner390 = await browser!.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, storageState: await desk.storageState() });
    const ownerPhone = await owner390.newPage();
    ownerPhone.setDefaultTimeout(WAIT.timeout);
    await ownerPhone.goto(`${server!.url}/t/${shop.tenantId}/calendar?view=day&date=${localDate(moved)}`);
    const phoneBlock = ownerPhone.locator(`[data-booking-id="${booking.id}"]`);
    await phoneBlock.waitFor();
    await noSidewaysScroll(ownerPhone);
    await ownerPhone.screenshot({ path: path.join(resultsDir, 'booking-calendar-moved-390.png'), fullPage: true });

    // ── The reminder: one, for the new time; none for the old time when it would have been due ──
    await expect.poll(reminders, { timeout: MOVE_BY_MS + 60_000 - (Date.now() - zero), interval: 1_000 }).toHaveLength(1);
    expect(reminders()[0]).toContain(whenText(moved, shop.timeZone));
    await expect.poll(() => Date.now() - zero, { timeout: OLD_REMINDER_MS + 30_000, interval: 1_000 }).toBeGreaterThan(OLD_REMINDER_MS + 15_000);
    expect(reminders()).toHaveLength(1);
    expect((await workflow.query(bookingStateQuery)).remindersSent).toEqual([leads[0]]);
    expect(pageErrors).toEqual([]);
    await Promise.all([phone.close(), desk.close(), owner390.close()]);
  }, 420_000);
});
