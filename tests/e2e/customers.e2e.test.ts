// Browser test of the customer book: an owner adds a customer (and is told, under the phone field,
// who already has a number), finds them with a search kept in the URL, and on their page edits the
// contact details and a vehicle and sees the booking and the text the test made — on a desktop and
// on a 390 px phone; once the business is closed the page only reads. The real web build served by
// the real API (Postgres + Temporal from the vitest globalSetup), driven by headless Chromium.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagingActivities } from '../../activities/messaging.ts';
import { holdSlot } from '../../prisma/bookings.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { createBookingTenant, startIn } from '../booking-fixtures.ts';
import { randomPhone } from '../sms-fixtures.ts';
import { uniqueId } from '../stack.ts';
import { launchChromium, openDesktopPage } from './browser.ts';
import { addOwner, fullPageShot, noSidewaysScroll, openPhonePage, signIn } from './business-owners.ts';

const WAIT = { timeout: 30_000 };
const NAME = 'Marisol Vega';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let biz: Awaited<ReturnType<typeof createBookingTenant>>;
const owner = { email: '' };
/** Marisol's number as stored, and as the owner types it. */
const phone = randomPhone();
const typed = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
/** Someone already in the book, whose number the owner tries to give Marisol. */
const other = { name: 'Zed Okafor', phone: randomPhone() };
let customerId = '';
let bookingDate = '';
const pageErrors: string[] = [];

const db = () => forTenant(server!.testApp.deps.db, biz.tenantId);
const shot = fullPageShot;
const fieldError = (page: Page, id: string) => page.locator(`[data-field-error="${id}"]`);

/** A booking and a text for Marisol, made the way the engine and the texting activity make them. */
async function historyForMarisol() {
  const start = startIn(3 * 86_400);
  const booked = await holdSlot(server!.testApp.deps.db, biz.tenantId, {
    bookingId: randomUUID(), serviceId: biz.serviceId, customerId, resourceId: biz.resourceId, source: 'owner', holdMinutes: 5, confirm: true, start,
  });
  if (!booked.ok) throw new Error(`booking failed: ${booked.reason}`);
  bookingDate = new Intl.DateTimeFormat('en-CA', { timeZone: biz.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
  await createMessagingActivities(server!.testApp.deps).sendSms({ tenantId: biz.tenantId, to: phone, body: 'Thanks, Marisol — see you soon!', idempotencyKey: uniqueId('cust'), kind: 'reply' });
}

describe('the customer book (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    biz = await createBookingTenant(server.testApp, { businessName: 'Shiny Wheels Detailing' });
    owner.email = `${uniqueId('owner')}@example.com`;
    await addOwner(server.testApp, biz.tenantId, owner.email);
    browser = await launchChromium();
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('an owner opens Customers, adds a customer, and is told who already has a number', async () => {
    const { page } = await openDesktopPage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, owner.email);
    await page.waitForURL(`**/t/${biz.tenantId}`, WAIT);
    await page.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor(WAIT);
    await expect.poll(() => page.title()).toBe('Customers · Shiny Wheels Detailing · ServicePro');
    // A new business's book is empty, and the page says what it is for.
    await page.getByRole('heading', { name: 'Your customer book is empty' }).waitFor(WAIT);
    expect(await page.locator('.empty-state').textContent()).toContain('Everyone who books, asks on your website or texts your business number is added here');
    await shot(page, 'customers-empty-desktop');

    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add customer' });
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    expect(await fieldError(page, 'new-customer-name').textContent()).toBe('Name is required');
    await dialog.getByLabel('Name').fill(NAME);
    await dialog.getByLabel(/^Phone/).fill(typed);
    await dialog.getByLabel(/^Email/).fill('Marisol@Example.com');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    // Added: their page opens, the number stored in E.164 and shown formatted.
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor(WAIT);
    customerId = page.url().split('/customers/')[1]!;
    const row = await db().customer.findFirstOrThrow({ where: { id: customerId } });
    expect([row.name, row.phone, row.email]).toEqual([NAME, phone, 'marisol@example.com']);
    expect(await page.locator('.customer-reach').textContent()).toContain(`+1 ${typed}`);

    // A second card for the same number is refused, under the phone field, naming who has it.
    await page.getByRole('link', { name: '← Customers' }).click();
    await page.getByTestId('customer-list').waitFor(WAIT);
    await page.getByRole('button', { name: 'Add customer' }).click();
    await dialog.getByLabel('Name').fill('M. Vega');
    await dialog.getByLabel(/^Phone/).fill(`+1 ${phone.slice(2, 5)}.${phone.slice(5, 8)}.${phone.slice(8)}`);
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await expect.poll(() => fieldError(page, 'new-customer-phone').textContent(), WAIT).toBe(`${NAME} already has this number`);
    expect(await dialog.getByLabel(/^Phone/).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'customers-duplicate-desktop');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    expect(await db().customer.count({ where: { phone } })).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('the search finds them by name or number and stays in the URL; their page shows the booking and the text, and edits save', async () => {
    await db().customer.create({ data: { name: other.name, phone: other.phone } });
    await historyForMarisol();
    const { page } = await openDesktopPage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, owner.email);
    await page.waitForURL(`**/t/${biz.tenantId}`, WAIT);
    await page.goto(`${server!.url}/t/${biz.tenantId}/customers`);
    const list = page.getByTestId('customer-list');
    await list.locator('li').nth(1).waitFor(WAIT);
    expect(await list.locator('li').count()).toBe(2);
    // Marisol was texted a moment ago: most recently in touch, first, with a last contact.
    expect(await list.locator('li').first().textContent()).toContain(NAME);
    expect(await list.locator(`li[data-customer-id="${customerId}"]`).getByTestId('last-contact').textContent()).toMatch(/^Last contact (just now|1 minute ago)$/);
    expect(await list.locator(`li[data-customer-id="${customerId}"]`).textContent()).toContain('1 booking coming up');

    await page.getByRole('searchbox').fill('vega');
    await page.waitForURL(/[?&]q=vega(&|$)/, WAIT);
    await expect.poll(() => list.locator('li').count(), WAIT).toBe(1);
    expect(await list.textContent()).toContain(`+1 ${typed}`);
    // The search survives a reload: it is the URL's.
    await page.reload();
    await list.locator('li').first().waitFor(WAIT);
    expect(await page.getByRole('searchbox').inputValue()).toBe('vega');
    expect(await list.locator('li').count()).toBe(1);
    // By the number, typed the way people write it.
    await page.getByRole('searchbox').fill(`${phone.slice(5, 8)}-${phone.slice(8)}`);
    await page.waitForURL(new RegExp(`q=${phone.slice(5, 8)}-${phone.slice(8)}`), WAIT);
    await expect.poll(() => list.textContent(), WAIT).toContain(NAME);
    expect(await list.locator('li').count()).toBe(1);
    await page.getByRole('searchbox').fill('nobody-like-this');
    await page.getByRole('heading', { name: 'No one matches' }).waitFor(WAIT);
    await page.getByRole('searchbox').fill('vega');
    await list.getByRole('link', { name: new RegExp(NAME) }).click();

    // The page: what is coming up, linked to that day of the calendar, and the history, newest first.
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor(WAIT);
    await expect.poll(() => page.title()).toBe('Customer · Shiny Wheels Detailing · ServicePro');
    const upcoming = page.getByTestId('upcoming-bookings');
    expect(await upcoming.locator('li').count()).toBe(1);
    expect(await upcoming.textContent()).toContain('Full detail · Van 1');
    expect(await upcoming.getByRole('link').getAttribute('href')).toBe(`/t/${biz.tenantId}/calendar?date=${bookingDate}&view=day`);
    const history = page.getByTestId('customer-history');
    expect(await history.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))).toEqual(['text', 'booking']);
    expect(await history.locator('li').first().textContent()).toContain('We texted');
    expect(await history.locator('li').first().textContent()).toContain('Thanks, Marisol — see you soon!');
    expect(await history.locator('li').nth(1).textContent()).toContain('Booked by you');

    // Contact details: a change saves, says so, and is there after a reload.
    await page.getByLabel(/^Address/).fill('12 Elm St, Tulsa');
    await page.getByLabel(/^Notes/).first().fill('Gate code 4412. Prefers mornings.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    expect(await db().customer.findFirstOrThrow({ where: { id: customerId } })).toMatchObject({ address: '12 Elm St, Tulsa', notes: 'Gate code 4412. Prefers mornings.' });
    // Zed's number is Zed's: refused under the field, naming him, and nothing changes.
    await page.getByLabel(/^Phone/).fill(other.phone);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => fieldError(page, 'customer-phone').textContent(), WAIT).toBe(`${other.name} already has this number`);
    await page.getByRole('button', { name: 'Undo changes' }).click();
    expect(await page.getByLabel(/^Phone/).inputValue()).toBe(`+1 ${typed}`);
    await page.reload();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor(WAIT);
    expect(await page.getByLabel(/^Address/).inputValue()).toBe('12 Elm St, Tulsa');

    // A vehicle, in the detailer's words: added, then changed.
    const assets = page.getByTestId('customer-assets');
    expect(await assets.getByRole('heading').textContent()).toBe('Vehicles');
    await assets.getByRole('button', { name: 'Add a vehicle' }).click();
    const addForm = assets.getByRole('form', { name: 'Add a vehicle' });
    await addForm.getByLabel('Vehicle').fill('2019 Honda Civic, silver');
    await addForm.getByLabel(/^Notes/).fill('Dog hair in the back');
    await addForm.getByRole('button', { name: 'Add a vehicle' }).click();
    await assets.locator('.asset-item').filter({ hasText: '2019 Honda Civic, silver' }).waitFor(WAIT);
    expect(await assets.locator('.asset-item').textContent()).toContain('Dog hair in the back');
    await assets.getByRole('button', { name: 'Edit 2019 Honda Civic, silver' }).click();
    const editForm = assets.getByRole('form', { name: 'Edit 2019 Honda Civic, silver' });
    await editForm.getByLabel('Vehicle').fill('2019 Honda Civic');
    await editForm.getByLabel(/^Notes/).fill('');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await assets.getByRole('button', { name: 'Edit 2019 Honda Civic', exact: true }).waitFor(WAIT);
    expect(await assets.locator('.asset-item').count()).toBe(1);
    expect(await assets.locator('.asset-notes').count()).toBe(0);
    const vehicle = await db().vehicle.findFirstOrThrow({ where: { customerId } });
    expect([vehicle.description, vehicle.details]).toEqual(['2019 Honda Civic', null]);
    await shot(page, 'customer-page-desktop');

    // A call from Marisol names her in the call log, and her name leads back here.
    await db().call.create({ data: { callSid: uniqueId('CA'), fromNumber: phone, toNumber: biz.number, startedAt: new Date(), outcome: 'missed' } });
    await page.goto(`${server!.url}/t/${biz.tenantId}/calls`);
    await page.getByTestId('call-log').getByRole('link', { name: NAME }).click();
    await page.waitForURL(`**/t/${biz.tenantId}/customers/${customerId}`, WAIT);
    await expect.poll(() => page.getByTestId('customer-history').locator('li').first().getAttribute('data-kind'), WAIT).toBe('call');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('on a 390 px phone: Sections → Customers, search, the page in one column, a vehicle added and removed', async () => {
    const { context, page } = await openPhonePage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, owner.email);
    await page.waitForURL(`**/t/${biz.tenantId}`, WAIT);
    await page.getByRole('button', { name: /^Sections/ }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor(WAIT);
    await page.getByTestId('customer-list').locator('li').nth(1).waitFor(WAIT);
    await noSidewaysScroll(page);
    await shot(page, 'customers-phone');

    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('dialog', { name: 'Add customer' }).waitFor(WAIT);
    await noSidewaysScroll(page);
    await shot(page, 'customers-add-phone');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('searchbox').fill('marisol');
    await page.waitForURL(/[?&]q=marisol(&|$)/, WAIT);
    await expect.poll(() => page.getByTestId('customer-list').locator('li').count(), WAIT).toBe(1);
    await page.getByTestId('customer-list').getByRole('link', { name: new RegExp(NAME) }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor(WAIT);
    await page.getByTestId('customer-history').waitFor(WAIT);

    // One column: the contact card above the history, each as wide as the screen allows.
    const contact = (await page.locator('.customer-contact').boundingBox())!;
    const history = (await page.getByTestId('customer-history').boundingBox())!;
    expect(history.y).toBeGreaterThan(contact.y + contact.height);
    expect(contact.x + contact.width).toBeLessThanOrEqual(390);
    await noSidewaysScroll(page);

    const assets = page.getByTestId('customer-assets');
    await assets.getByRole('button', { name: 'Add a vehicle' }).click();
    const addForm = assets.getByRole('form', { name: 'Add a vehicle' });
    await addForm.getByLabel('Vehicle').fill('2022 Ford F-150, blue');
    await addForm.getByRole('button', { name: 'Add a vehicle' }).click();
    await assets.getByRole('button', { name: 'Remove 2022 Ford F-150, blue' }).waitFor(WAIT);
    await noSidewaysScroll(page);
    await shot(page, 'customer-page-phone');
    await assets.getByRole('button', { name: 'Remove 2022 Ford F-150, blue' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove 2022 Ford F-150, blue?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => assets.locator('.asset-item').count(), WAIT).toBe(1);
    expect(await db().vehicle.count({ where: { customerId } })).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a closed business reads its customer book but cannot change it', async () => {
    const platform = await server!.testApp.ownerToken();
    expect((await server!.testApp.call('DELETE', `/api/admin/tenants/${biz.tenantId}`, { token: platform })).status).toBe(200);
    const { page } = await openDesktopPage(browser!, { timeoutMs: WAIT.timeout, pageErrors });
    await page.goto(`${server!.url}/login`);
    await signIn(page, owner.email);
    await page.waitForURL(`**/t/${biz.tenantId}`, WAIT);
    await page.goto(`${server!.url}/t/${biz.tenantId}/customers`);
    await page.getByTestId('customer-list').waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Add customer' }).count()).toBe(0);

    await page.goto(`${server!.url}/t/${biz.tenantId}/customers/${customerId}`);
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor(WAIT);
    expect(await page.getByTestId('closed-note').textContent()).toContain('its customer book can no longer be changed');
    // Everything still there to read; nothing to press.
    expect(await page.getByLabel(/^Address/).inputValue()).toBe('12 Elm St, Tulsa');
    expect(await page.getByLabel(/^Address/).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByTestId('customer-assets').textContent()).toContain('2019 Honda Civic');
    expect(await page.getByTestId('customer-assets').getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('customer-history').locator('li').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'customer-page-closed');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
