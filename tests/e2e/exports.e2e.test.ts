// Browser test of the export page: the real web build served by the real API (Postgres + Temporal
// from the vitest globalSetup), driven by headless Chromium. An owner asks for an export, watches
// a real <progress> bar, and downloads a zip of their records; a paused business can do the same.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, openDesktopPage } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { hashPassword } from '../../domain/passwords.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer, type TestApp } from '../app-harness.ts';
import { uniqueId } from '../stack.ts';
import { createTenant } from '../tenant-fixtures.ts';

const WAIT = { timeout: 60_000 };
const CUSTOMERS = 25;
const shot = (name: string) => page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });

let server: { url: string; testApp: TestApp; stop: () => Promise<void> } | undefined;
let webDist: string | undefined;
let storageDir: string | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

let tenantId = '';
const ownerEmail = `${uniqueId('exporter')}@servicepro.test`;
const ownerPassword = 'owner password 123';

const tab = (name: string) => page.getByRole('navigation', { name: 'Business sections' }).getByRole('link', { name, exact: true });

/** The names of the entries in a zip file. */
function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('export page (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    // The zips are written to a folder of this test's own.
    storageDir = await mkdtemp(path.join(tmpdir(), 'servicepro-exports-'));
    server = await startTestServer({ webDist, env: { EXPORT_STORAGE_DIR: storageDir } });
    const { db } = server.testApp.deps;
    tenantId = (await createTenant(server.testApp, await server.testApp.ownerToken(), 'pro')).id;
    // Paused: the export page must work for a business that stopped paying.
    await db.tenantConfig.update({ where: { tenantId }, data: { status: 'suspended' } });
    await db.user.create({ data: { email: ownerEmail, passwordHash: await hashPassword(ownerPassword), memberships: { create: { tenantId, role: 'owner' } } } });
    await forTenant(db, tenantId).customer.createMany({
      data: Array.from({ length: CUSTOMERS }, (_, i) => ({ name: `Customer ${i}, "quoted"`, phone: `+1918555${String(7000 + i).padStart(4, '0')}` })),
    });

    browser = await launchChromium();
    ({ context, page } = await openDesktopPage(browser, { timeoutMs: WAIT.timeout, pageErrors, acceptDownloads: true }));
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const dir of [webDist, storageDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a paused owner reaches the export page from the banner and sees there is nothing yet', async () => {
    await page.goto(`${server!.url}/login`);
    await page.getByLabel('Email').fill(ownerEmail);
    await page.getByLabel('Password').fill(ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/t/${tenantId}`, WAIT);
    await page.getByTestId('account-banner').getByRole('link', { name: 'Export your data' }).click();
    await page.waitForURL(`**/t/${tenantId}/exports`, WAIT);
    expect(await tab('Export data').getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { name: 'No exports yet' }).waitFor(WAIT);
  });

  it('requesting an export shows a progress bar that ends in a download of the zip with row counts', async () => {
    // Remember every state the bar shows, however quickly the export runs.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="export-progress"]');
        if (bar && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Export my data' }).click();

    const current = page.getByTestId('current-export');
    await current.and(page.locator('[data-status="ready"]')).waitFor(WAIT);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.length, 'the progress bar was shown while the export ran').toBeGreaterThan(0);
    expect(seen.every((value) => value >= 0 && value <= 100)).toBe(true);

    expect(await current.getByRole('heading').textContent()).toBe('Your export is ready');
    expect(await current.textContent()).toContain('a fresh link is always here');
    const counts = page.getByTestId('export-row-counts');
    expect(await counts.textContent()).toContain('Customers');
    expect(await counts.textContent()).toContain(String(CUSTOMERS));

    const link = page.getByTestId('export-download');
    expect(await link.textContent()).toMatch(/^Download zip \(\d+(\.\d)? (KB|bytes|MB)\)$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    const entries = await zipEntries(file);
    expect(entries).toEqual(expect.arrayContaining(['customers.csv', 'customers.json']));
  });

  it('a second export moves the first into the history, each with its own download', async () => {
    const first = await page.getByTestId('current-export').getAttribute('data-export-id');
    await page.getByRole('button', { name: 'Export my data' }).click();
    await page.locator(`[data-testid="current-export"][data-status="ready"]:not([data-export-id="${first}"])`).waitFor(WAIT);
    const history = page.getByTestId('export-history');
    await history.waitFor(WAIT);
    expect(await history.locator('li').count()).toBe(1);
    expect(await history.locator('li').getAttribute('data-export-id')).toBe(first);
    expect(await history.getByRole('link', { name: /^Download/ }).getAttribute('href')).toMatch(/^http/);
    await shot('exports');
    expect(pageErrors).toEqual([]);
  });
});
