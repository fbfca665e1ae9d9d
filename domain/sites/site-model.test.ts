import { describe, expect, it } from 'vitest';
import { INDUSTRY_PACKS } from '../industry-packs/index.ts';
import { siteFacts } from '../../tests/site-fixtures.ts';
import { contrast, paletteFor } from './colours.ts';
import { readSiteContent, siteContentSchema } from './content.ts';
import { buildSite } from './site-model.ts';
import { effectiveTemplate, SITE_TEMPLATES, STARTER_TEMPLATE } from './templates.ts';

const pack = INDUSTRY_PACKS[0]!;
const WEDNESDAY_9AM_TULSA = new Date('2026-12-02T15:00:00Z');
const SUNDAY_NOON_TULSA = new Date('2026-12-06T18:00:00Z');

describe('a site built from the tenant, its pack and the owner’s edits', () => {
  it('fills what the owner left out from the pack, and the owner’s words win', () => {
    const plain = buildSite(siteFacts(pack, { content: {} }), WEDNESDAY_9AM_TULSA);
    expect(plain.headline).toBe(pack.website.headline);
    expect(plain.faqs).toHaveLength(pack.faqs.length);
    const edited = buildSite(siteFacts(pack, { content: { headline: 'Shine like new', faqs: [], policies: { weather: 'Rain or shine, we come to you.' }, hiddenSections: ['about'] } }), WEDNESDAY_9AM_TULSA);
    expect(edited.headline).toBe('Shine like new');
    expect(edited.faqs).toEqual([]);
    expect(edited.policies[0]).toEqual({ title: 'Weather', text: 'Rain or shine, we come to you.' });
    expect(edited.shows('about')).toBe(false);
    expect(edited.shows('services')).toBe(true);
  });

  it('is open or closed on the business’s own clock', () => {
    expect(buildSite(siteFacts(pack), WEDNESDAY_9AM_TULSA).hours?.openNow).toBe(true);
    const sunday = buildSite(siteFacts(pack), SUNDAY_NOON_TULSA).hours!;
    expect(sunday.openNow).toBe(false);
    expect(sunday.rows.find((row) => row.today)).toMatchObject({ name: 'Sunday', text: 'Closed' });
    expect(buildSite(siteFacts(pack), WEDNESDAY_9AM_TULSA).hours?.rows[0]?.text).toBe('8 AM – 12 PM, 1 PM – 5:30 PM');
  });

  it('prices services from the table, "from" where the pack says the price depends, and a range for search engines', () => {
    const site = buildSite(siteFacts(pack), WEDNESDAY_9AM_TULSA);
    expect(site.services.map((s) => s.price)).toEqual(pack.services.map((s) => `${s.priceIsFrom ? 'from ' : ''}$${(s.priceCents / 100).toLocaleString('en-US')}`));
    expect(site.priceRange).toMatch(/^\$\d+–\$[\d,]+$/);
  });

  it('never shows a logo or photo that is not an https address', () => {
    expect(buildSite(siteFacts(pack, { logoUrl: 'javascript:alert(1)' }), WEDNESDAY_9AM_TULSA).logoUrl).toBeNull();
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'http://example.com/a.jpg', 'https://localhost/a.jpg']) {
      expect(siteContentSchema.safeParse({ photos: [{ url, alt: 'A photo' }] }).success, url).toBe(false);
    }
    // A stored row that fails the schema renders as if the owner had written nothing.
    expect(readSiteContent({ photos: [{ url: 'javascript:alert(1)', alt: 'x' }] })).toMatchObject({ valid: false, content: { photos: [] } });
  });

  it('keeps text readable on any brand colour, and refuses one that is not a colour', () => {
    for (const colour of ['#fde047', '#ffffff', '#000000', '#2563eb', '#f97316', '#22c55e']) {
      const palette = paletteFor(colour);
      expect(contrast(palette.brand, palette.onBrand), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette.wash, palette.ink), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrast('#111827', palette.inkOnDark), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(paletteFor('red;}body{display:none').brand).toBe('#2563eb');
  });

  it('gives Starter one template and keeps a downgraded site on it, without forgetting the choice', () => {
    expect(SITE_TEMPLATES).toHaveLength(10);
    expect(SITE_TEMPLATES.filter((t) => t.tiers.includes('starter')).map((t) => t.id)).toEqual([STARTER_TEMPLATE]);
    expect(effectiveTemplate('starter', 'bold')).toBe(STARTER_TEMPLATE);
    expect(effectiveTemplate('pro', 'bold')).toBe('bold');
    expect(effectiveTemplate('elite', 'no-such-template')).toBe(STARTER_TEMPLATE);
  });
});
