import { existsSync } from 'node:fs';
import bundledChromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser to drive: `CHROMIUM_PATH` when set, else a system Chromium when there is one, else
 * the Chromium that ships inside the npm package @sparticuz/chromium (unpacked into the temp folder
 * on first use, ~1 s), so `npm install` alone brings what the browser tests need.
 */
export async function chromiumExecutablePath(options: { env?: Record<string, string | undefined>; exists?: (file: string) => boolean } = {}): Promise<string> {
  const { env = process.env, exists = existsSync } = options;
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  if (exists(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  // The package writes straight to its final path, so two first uses at once could race:
  // tests/global-setup.ts unpacks it once before any test file runs.
  return bundledChromium.executablePath();
}

// Ours rather than the package's own args, which are tuned for AWS Lambda (and turn off web security).
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium (see chromiumExecutablePath), quiet and offline. */
export async function launchChromium(options: { executablePath?: string } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: options.executablePath ?? (await chromiumExecutablePath()), args: CHROMIUM_FLAGS, headless: true });
}

/** A desktop-sized page that fails fast (`timeoutMs`) and collects the app's uncaught errors into `pageErrors`. */
export async function openDesktopPage(browser: Browser, options: { timeoutMs: number; pageErrors: string[]; acceptDownloads?: boolean }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  page.on('pageerror', (error) => options.pageErrors.push(error.message));
  return { context, page };
}
