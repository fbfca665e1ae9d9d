// The browser tests' one launcher, on a machine with only Node: no CHROMIUM_PATH and no system
// Chromium, so the browser comes from the npm package @sparticuz/chromium.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumExecutablePath, launchChromium, SYSTEM_CHROMIUM } from './browser.ts';

const givenPath = process.env.CHROMIUM_PATH;
afterAll(() => {
  if (givenPath !== undefined) process.env.CHROMIUM_PATH = givenPath;
});

async function rendersAPage(browser: Browser) {
  try {
    const page = await browser.newPage();
    await page.setContent('<h1>ServicePro</h1>');
    expect(await page.textContent('h1')).toBe('ServicePro');
  } finally {
    await browser.close();
  }
}

describe('launchChromium', () => {
  it('launches headless Chromium and renders a page with CHROMIUM_PATH unset', async () => {
    delete process.env.CHROMIUM_PATH;
    await rendersAPage(await launchChromium());
  });

  it('resolves CHROMIUM_PATH first, then /usr/bin/chromium when it exists, then the Chromium inside the npm package, which launches', async () => {
    expect(await chromiumExecutablePath({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, exists: () => true })).toBe('/opt/my/chrome');
    expect(await chromiumExecutablePath({ env: {}, exists: (file) => file === SYSTEM_CHROMIUM })).toBe(SYSTEM_CHROMIUM);
    const fromNpm = await chromiumExecutablePath({ env: {}, exists: () => false });
    expect(fromNpm).not.toBe(SYSTEM_CHROMIUM);
    expect(existsSync(fromNpm)).toBe(true);
    await rendersAPage(await launchChromium({ executablePath: fromNpm }));
  });
});
