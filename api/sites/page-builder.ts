import { createHash } from 'node:crypto';
import { buildSite, type SiteFacts } from '../../domain/sites/site-model.ts';
import { canonicalMount, INDEXED_PAGES, pagePath, type SiteMount, type SitePage, type SiteUrlSettings } from '../../domain/sites/urls.ts';
import type { RenderContext } from './render/context.ts';
import { renderSitePage } from './render/pages.ts';
import { closedPage, noSitePage } from './render/plain.ts';
import type { CachedPage } from './site-cache.ts';

// What one address of a site answers, before caching: the page in the site's template, or the
// plain pages for a closed business and an unpublished site, and the sitemap and robots.txt.

/** What a path of a site names: a page, the two files for crawlers, or nothing (a not-found page). */
export type SiteResource = SitePage | 'not-found' | 'sitemap' | 'robots';

/** Served before a site is published: carriers read these while texting is being registered. */
const ALWAYS_SERVED: ReadonlySet<SiteResource> = new Set(['privacy', 'terms', 'smsOptIn', 'robots']);

export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const page = (tenantId: string | null, status: CachedPage['status'], body: string, contentType: string, csp?: string): CachedPage => ({
  status,
  body,
  contentType,
  etag: etagOf(body),
  tenantId,
  ...(csp ? { csp } : {}),
});
const htmlPage = (tenantId: string | null, status: CachedPage['status'], rendered: { html: string; csp: string }) => page(tenantId, status, rendered.html, 'text/html; charset=utf-8', rendered.csp);

export interface BuildOptions {
  settings: SiteUrlSettings;
  formToken: (tenantId: string) => string;
  now?: Date;
  /** A booking form sent back with problems (never cached). */
  form?: RenderContext['form'];
  /** What a booking page shows (api/sites/booking/): never cached. */
  booking?: RenderContext['booking'];
}

function sitemap(canonical: SiteMount): string {
  const urls = INDEXED_PAGES.map((p) => `<url><loc>${pagePath(canonical, p).replace(/&/g, '&amp;')}</loc></url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>\n`;
}

function robots(mount: SiteMount, canonical: SiteMount, published: boolean): string {
  if (!published) return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\nDisallow: ${pagePath(mount, 'thanks')}\nDisallow: ${mount.base}/booking/\nSitemap: ${pagePath(canonical, 'home').replace(/\/$/, '')}/sitemap.xml\n`;
}

export async function buildSitePage(facts: SiteFacts | null, resource: SiteResource, mount: SiteMount, options: BuildOptions): Promise<CachedPage> {
  if (!facts) return htmlPage(null, 404, await noSitePage());
  if (facts.status === 'closed') return htmlPage(facts.tenantId, 410, await closedPage(facts.businessName));
  const published = facts.site?.publishedAt != null;
  if (!published && !ALWAYS_SERVED.has(resource)) return htmlPage(facts.tenantId, 404, await noSitePage());
  const site = buildSite(facts, options.now ?? new Date());
  const canonical = canonicalMount(site, options.settings);
  if (resource === 'robots') return page(facts.tenantId, 200, robots(mount, canonical, published), 'text/plain; charset=utf-8');
  if (resource === 'sitemap') return page(facts.tenantId, 200, sitemap(canonical), 'application/xml; charset=utf-8');
  const ctx: RenderContext = { site, mount, canonical, page: resource, formToken: options.formToken(facts.tenantId), ...(options.form ? { form: options.form } : {}), ...(options.booking ? { booking: options.booking } : {}) };
  return htmlPage(facts.tenantId, resource === 'not-found' ? 404 : 200, await renderSitePage(ctx));
}
