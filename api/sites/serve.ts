import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { SiteMount, SitePage } from '../../domain/sites/urls.ts';
import { SITE_PAGES } from '../../domain/sites/urls.ts';
import { handleBookingRequest } from './booking-request.ts';
import type { SiteResource } from './page-builder.ts';
import type { SiteTarget } from './site-facts.ts';
import { respondWith, sitePage } from './site-pages.ts';

// One dispatcher for every address a site is served at (/s/<slug>/…, a subdomain, a custom domain):
// the path after the site's base names the page; the booking form posts to its /book.

const RESOURCES = new Map<string, SiteResource>([
  ['', 'home'],
  ['/', 'home'],
  ...(Object.entries(SITE_PAGES) as [SitePage, string][]).filter(([page]) => page !== 'home').map(([page, path]) => [path, page] as [string, SiteResource]),
  ['/sitemap.xml', 'sitemap'],
  ['/robots.txt', 'robots'],
]);

export const resourceOf = (path: string): SiteResource => RESOURCES.get(path) ?? 'not-found';

export async function serveSite(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, path: string): Promise<Response> {
  const resource = resourceOf(path);
  if (c.req.method === 'POST' && resource === 'book') return handleBookingRequest(c, target, mount);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    return c.text(`A website page can only be read (GET)${resource === 'book' ? ', or the booking form sent (POST)' : ''}.`, 405, { allow: resource === 'book' ? 'GET, HEAD, POST' : 'GET, HEAD' });
  }
  return respondWith(c, await sitePage(c, target, mount, resource));
}
