// Browser-test helpers for a business's own people: an owner with a password, signing in and out,
// a business on its trial, and a phone-sized page.
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { hashPassword } from '../../domain/passwords.ts';
import type { TestApp } from '../app-harness.ts';
import { createTenant } from '../tenant-fixtures.ts';

export const OWNER_PASSWORD = 'owner password 123';
export const PHONE = { width: 390, height: 844 };

/** An owner of `tenantId` who signs in with OWNER_PASSWORD. */
export async function addOwner(t: TestApp, tenantId: string, email: string): Promise<void> {
  await t.deps.db.user.create({ data: { email, passwordHash: await hashPassword(OWNER_PASSWORD), memberships: { create: { tenantId, role: 'owner' } } } });
}

/** A business created by the platform owner, once its billing workflow has set up the trial. */
export async function businessOnTrial(t: TestApp, tier: 'starter' | 'pro' | 'elite'): Promise<string> {
  const { id } = await createTenant(t, await t.ownerToken(), tier);
  await vi.waitFor(async () => expect(await t.deps.db.tenantBilling.findUnique({ where: { tenantId: id } })).toMatchObject({ stripeSubscriptionId: expect.any(String) }), { timeout: 20_000, interval: 200 });
  return id;
}

/** Fills in the sign-in page on screen. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(OWNER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Forgets the session in this browser and leaves it on the sign-in page. */
export async function signOut(context: BrowserContext, page: Page, baseUrl: string): Promise<void> {
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}/login`);
}

/** A phone-sized (390 px) touch page that fails fast and collects the app's uncaught errors. */
export async function openPhonePage(browser: Browser, options: { timeoutMs: number; pageErrors: string[] }) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  page.on('pageerror', (error) => options.pageErrors.push(error.message));
  return { context, page };
}

/** The page is no wider than a phone: nothing scrolls sideways. */
export async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** A full-page screenshot into test-results/, from the top: taken scrolled down, it draws the sticky header halfway down. */
export async function fullPageShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.resolve('test-results', `${name}.png`), fullPage: true });
}
