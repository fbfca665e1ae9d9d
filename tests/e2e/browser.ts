import { chromium, type Browser } from 'playwright-core';

/** Headless Chromium from the system (ENVIRONMENT.md: /usr/bin/chromium; CHROMIUM_PATH overrides), quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
