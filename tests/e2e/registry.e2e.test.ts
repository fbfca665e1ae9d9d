// Browser test of the root dashboard (tenant registry): the real web build, served by the real
// API (real Postgres + Temporal from the vitest globalSetup), driven by headless Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 30_000 };

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const newBusinessName = `Sunny Lawns ${suffix}`;
let newTenantId = '';

function cardNamed(name: string): Locator {
  return page.locator('article[data-testid="tenant-card"]').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

function newTenantDialog(): Locator {
  return page.getByRole('dialog', { name: 'New tenant' });
}

async function openNewTenantDialog(): Promise<Locator> {
  await page.getByRole('button', { name: 'New tenant' }).first().click();
  const dialog = newTenantDialog();
  await dialog.waitFor(WAIT);
  return dialog;
}

async function storedToken(): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('servicepro.session'));
  expect(raw, 'the session is kept in localStorage').toBeTruthy();
  return (JSON.parse(raw!) as { token: string }).token;
}

describe('root dashboard: tenant registry (browser)', () => {
  beforeAll(async () => {
    // Build the web app into a folder of its own (web/dist may be in use by `npm start`) and serve it.
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    server = await startTestServer({ webDist });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await mkdir(resultsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('sends a visitor to the login page and rejects a wrong password with the API message', async () => {
    await page.goto(`${server!.url}/`);
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(server!.ownerEmail);
    await page.getByLabel('Password').fill('definitely-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('.login-card [role="alert"]');
    await alert.waitFor(WAIT);
    expect((await alert.textContent())?.trim()).toBeTruthy();
    expect(await page.evaluate(() => localStorage.getItem('servicepro.session'))).toBeNull();
  });

  it('signs the platform owner in and shows the root tenant first, as elite with the Root/Flagship badge', async () => {
    await page.getByLabel('Password').fill(server!.ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/tenants', WAIT);

    await page.getByTestId('signed-in-email').filter({ hasText: server!.ownerEmail }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Sign out' }).waitFor(WAIT);

    const rootCard = page.locator('article[data-testid="tenant-card"]').filter({ hasText: 'Root/Flagship' });
    await rootCard.first().waitFor(WAIT);
    expect(await rootCard.count()).toBe(1);
    expect(await page.locator('article[data-testid="tenant-card"]').first().getAttribute('data-tenant-id')).toBe(
      await rootCard.getAttribute('data-tenant-id'),
    );
    const tier = rootCard.locator('.tier-badge');
    expect(await tier.getAttribute('data-tier')).toBe('elite');
    expect((await tier.textContent())?.trim()).toBe('Elite');
    expect(await rootCard.locator('.root-badge').textContent()).toContain('Root/Flagship');
    expect(await rootCard.locator('svg.shield-icon').count()).toBeGreaterThan(0);
    expect(await rootCard.locator('.status-pill').getAttribute('data-status')).toMatch(/^(trialing|active|past_due|suspended|closed)$/);
    // The root tenant can never be closed from the dashboard.
    expect(await rootCard.getByRole('button', { name: /close tenant/i }).count()).toBe(0);
  });

  it('validates the New tenant form in the browser, then creates a pro tenant whose card appears', async () => {
    let dialog = await openNewTenantDialog();
    // Escape closes the dialog.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    dialog = await openNewTenantDialog();
    const nameInput = dialog.getByLabel('Business name');
    expect(await nameInput.evaluate((el) => el === document.activeElement)).toBe(true);

    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    const nameError = dialog.locator('#tenant-businessName-error');
    await nameError.waitFor(WAIT);
    expect(await nameError.textContent()).toMatch(/business name is required/i);
    expect(await nameInput.getAttribute('aria-invalid')).toBe('true');
    expect(await nameInput.getAttribute('aria-describedby')).toContain('tenant-businessName-error');

    // A badly formed id and phone number are caught before anything is sent.
    await dialog.getByLabel(/Tenant id/).fill('Bad Id!');
    await dialog.getByLabel(/Phone number/).fill('555 0123');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    expect(await dialog.locator('#tenant-id-error').textContent()).toMatch(/lowercase letters, numbers or hyphens/i);
    expect(await dialog.locator('#tenant-phoneNumber-error').textContent()).toMatch(/\+19185550123/);
    await dialog.getByLabel(/Tenant id/).fill('');
    await dialog.getByLabel(/Phone number/).fill('');

    await nameInput.fill(newBusinessName);
    await nameError.waitFor({ state: 'detached', ...WAIT });
    await dialog.getByLabel('Plan').selectOption('pro');
    await dialog.getByLabel(/Industry/).selectOption('lawn-care');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    const card = cardNamed(newBusinessName);
    await card.waitFor(WAIT);
    const tier = card.locator('.tier-badge');
    expect(await tier.getAttribute('data-tier')).toBe('pro');
    expect((await tier.textContent())?.trim()).toBe('Pro');
    expect(await card.locator('.root-badge').count()).toBe(0);
    newTenantId = (await card.getAttribute('data-tenant-id')) ?? '';
    expect(newTenantId).toMatch(/^[a-z0-9-]{3,40}$/);
    expect(await card.locator('.tenant-id').textContent()).toBe(newTenantId);

    // Still there after a fresh page load fetches the list again from the server.
    await page.goto(`${server!.url}/`);
    await page.waitForURL('**/admin/tenants', WAIT);
    await cardNamed(newBusinessName).waitFor(WAIT);
    await page.screenshot({ path: `${resultsDir}registry.png`, fullPage: true });
  });

  it("shows the API's 409 message under the id field when the id is already taken", async () => {
    const dialog = await openNewTenantDialog();
    await dialog.getByLabel('Business name').fill(`Another Business ${suffix}`);
    await dialog.getByLabel(/Tenant id/).fill(newTenantId);
    await dialog.getByRole('button', { name: 'Create tenant' }).click();

    const idError = dialog.locator('#tenant-id-error');
    await idError.waitFor(WAIT);
    const shown = (await idError.textContent())?.trim() ?? '';
    expect(await dialog.getByLabel(/Tenant id/).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('button', { name: 'Create tenant' }).isEnabled()).toBe(true);

    // The text under the field is the API's own field message for the same request.
    const response = await fetch(`${server!.url}/api/admin/tenants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await storedToken()}` },
      body: JSON.stringify({ businessName: `Another Business ${suffix}`, tier: 'starter', id: newTenantId }),
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.fields?.id).toBeTruthy();
    expect(shown).toBe(body.error.fields!.id);
    await page.screenshot({ path: `${resultsDir}registry-duplicate-id.png` });

    // Editing the id clears the server's message; closing leaves one card for that id.
    await dialog.getByLabel(/Tenant id/).fill(`${newTenantId}-2`);
    await idError.waitFor({ state: 'detached', ...WAIT });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    expect(await page.locator(`article[data-tenant-id="${newTenantId}"]`).count()).toBe(1);
  });

  it('edits the new tenant, then closes it; "Show closed" brings it back as closed', async () => {
    const card = cardNamed(newBusinessName);
    await card.getByRole('button', { name: /^Edit/ }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit tenant' });
    await editDialog.waitFor(WAIT);
    expect(await editDialog.getByLabel('Plan').inputValue()).toBe('pro');
    await editDialog.getByLabel('Plan').selectOption('elite');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await editDialog.waitFor({ state: 'hidden', ...WAIT });
    await card.locator('.tier-badge[data-tier="elite"]').waitFor(WAIT);

    await card.getByRole('button', { name: /^Close tenant/ }).click();
    const confirm = page.getByRole('dialog', { name: `Close ${newBusinessName}?` });
    await confirm.waitFor(WAIT);
    await confirm.getByRole('button', { name: 'Close tenant' }).click();
    await confirm.waitFor({ state: 'hidden', ...WAIT });
    await card.waitFor({ state: 'detached', ...WAIT });

    await page.getByLabel('Show closed').check();
    await card.waitFor(WAIT);
    expect(await card.locator('.status-pill').getAttribute('data-status')).toBe('closed');
    // Closed: it can no longer be edited or closed, only reopened (or viewed as its owner) — since the console.
    expect(await card.getByRole('button', { name: /^(Edit|Close tenant)/ }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /^Reopen/ }).count()).toBe(1);
    await page.getByLabel('Show closed').uncheck();
    await card.waitFor({ state: 'detached', ...WAIT });
  });

  it('returns to the login page when the token is no longer accepted (401)', async () => {
    await page.evaluate(() =>
      localStorage.setItem('servicepro.session', JSON.stringify({ token: 'not-a-real-token', expiresAt: '2999-01-01T00:00:00Z' })),
    );
    await page.goto(`${server!.url}/`);
    await page.waitForURL('**/login', WAIT);
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    expect(await page.evaluate(() => localStorage.getItem('servicepro.session'))).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
