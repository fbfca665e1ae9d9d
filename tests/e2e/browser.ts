import { chromium, type Browser } from 'playwright-core';

/** Headless Chromium from the system (ENVIRONMENT.md: /usr/bin/chromium; CHROMIUM_PATH overrides), quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A desktop-sized page that fails fast (`timeoutMs`) and collects the app's uncaught errors into `pageErrors`. */
export async function openDesktopPage(browser: Browser, options: { timeoutMs: number; pageErrors: string[]; acceptDownloads?: boolean }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  page.on('pageerror', (error) => options.pageErrors.push(error.message));
  return { context, page };
}
