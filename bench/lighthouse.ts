import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumExecutablePath } from '../tests/e2e/browser.ts';

// Lighthouse 12.2.3 (mobile: its default emulated phone and simulated slow 4G) on the bundled
// Chromium. `hostRules` maps made-up host names to this machine, so a site can be audited at its
// own subdomain (with its own robots.txt) without DNS.

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;

export interface Audit {
  scores: Scores;
  /** Audits that cost points, per category, for the report. */
  failing: string[];
}

export async function openLighthouse(hostRules = '') {
  const chrome = await chromeLauncher.launch({
    chromePath: await chromiumExecutablePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : [])],
  });
  const audit = async (url: string): Promise<Audit> => {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Scores;
    const failing = CATEGORIES.flatMap((id) =>
      (categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => `${id}:${ref.id}`),
    );
    return { scores, failing };
  };
  return { audit, close: () => chrome.kill() };
}
