import { chromiumExecutablePath } from './browser.ts';

/** The browser tests' Chromium, unpacked once here before test files run side by side (see browser.ts). */
export default async function setup() {
  await chromiumExecutablePath().catch((error: Error) => console.warn(`no Chromium for the browser tests: ${error.message}`));
}
