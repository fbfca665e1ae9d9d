import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_PACKS } from '../../../domain/industry-packs/index.ts';
import { buildSite } from '../../../domain/sites/site-model.ts';
import { SITE_TEMPLATE_IDS } from '../../../domain/sites/templates.ts';
import { SITE_PAGES, type SitePage } from '../../../domain/sites/urls.ts';
import { HOSTILE_CONTENT, siteFacts } from '../../../tests/site-fixtures.ts';
import type { RenderContext } from './context.ts';
import { renderSitePage } from './pages.ts';

// Every template × every industry pack × every page renders valid HTML (html-validate's
// recommended and document rules), and the front page's JSON-LD parses and names the phone number.
// The matrix grows by itself as packs and templates are added.

const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'] });
const PAGES = [...(Object.keys(SITE_PAGES) as SitePage[]), 'not-found'] as const;
const NOW = new Date('2026-12-02T15:00:00Z'); // a Wednesday, 9 AM in Tulsa: open

async function render(template: (typeof SITE_TEMPLATE_IDS)[number], packIndex: number, page: RenderContext['page'], content?: unknown) {
  const site = buildSite(siteFacts(INDUSTRY_PACKS[packIndex]!, { template, ...(content ? { content } : {}) }), NOW);
  return renderSitePage({ site, mount: { base: '/s/sample' }, canonical: { base: 'https://sample.sites.example.com' }, page, formToken: 'token' });
}

async function problems(markup: string): Promise<string[]> {
  const report = await validator.validateString(markup);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`));
}

function jsonLd(markup: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(markup);
  if (!match) throw new Error('no JSON-LD on the page');
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

describe.each(SITE_TEMPLATE_IDS)('the %s template', (template) => {
  it.each(INDUSTRY_PACKS.map((pack, index) => [pack.id, index] as const))('renders every page of a %s business as valid HTML', async (_, packIndex) => {
    for (const page of PAGES) {
      const { html } = await render(template, packIndex, page);
      expect(await problems(html), `${template} × ${INDUSTRY_PACKS[packIndex]!.id} × ${page}`).toEqual([]);
      expect(html).toContain(`Sunny ${INDUSTRY_PACKS[packIndex]!.name} Co.`);
    }
  });

  it.each(INDUSTRY_PACKS.map((pack, index) => [pack.id, index] as const))('describes a %s business in JSON-LD with its trade, phone, hours and prices', async (_, packIndex) => {
    const pack = INDUSTRY_PACKS[packIndex]!;
    const { html } = await render(template, packIndex, 'home');
    const data = jsonLd(html);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': pack.schemaOrgType, telephone: '+19185550100', url: 'https://sample.sites.example.com/', areaServed: 'Tulsa, Broken Arrow and Jenks' });
    expect(data.priceRange).toMatch(/^\$[\d,]+(–\$[\d,]+)?$/);
    expect(data.openingHoursSpecification).toContainEqual({ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '08:00', closes: '12:00' });
    expect(html).toContain('Open now');
    for (const service of pack.services) expect(html).toContain(service.name.replace(/&/g, '&amp;'));
  });

  it('never lets hostile owner content run or break the page', async () => {
    for (const page of PAGES) {
      const { html } = await render(template, 0, page, HOSTILE_CONTENT);
      expect(await problems(html), page).toEqual([]);
      // The only script element is the JSON-LD block, and no attribute handler survives.
      expect(html.match(/<script/g)?.length ?? 0).toBeLessThanOrEqual(1);
      // Every tag the attacker wrote arrives as text, never as markup.
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('</style><style>');
      if (page === 'home') expect(jsonLd(html).name).toBe('Sunny Auto detailing Co.');
    }
  });
});
