import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { SiteMount, SitePage } from '../../domain/sites/urls.ts';
import { SITE_PAGES } from '../../domain/sites/urls.ts';
import { bookingRoute } from './booking/routes.ts';
import { handleBookingRequest } from './booking-request.ts';
import { buildSitePage } from './page-builder.ts';
import { formToken } from './form-token.ts';
import { loadSiteFacts } from './site-facts.ts';
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
  const booking = bookingRoute(c, target, mount, path);
  if (booking) return booking;
  const resource = resourceOf(path);
  const takesPost = resource === 'book' || resource === 'request';
  // The request form posts to /book/request; pages cached before online booking post to /book.
  if (c.req.method === 'POST' && takesPost) return handleBookingRequest(c, target, mount);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    return c.text(`A website page can only be read (GET)${takesPost ? ', or the booking form sent (POST)' : ''}.`, 405, { allow: takesPost ? 'GET, HEAD, POST' : 'GET, HEAD' });
  }
  const serviceId = c.req.query('serviceId');
  if (resource === 'request' && serviceId) return requestFor(c, target, mount, serviceId);
  return respondWith(c, await sitePage(c, target, mount, resource));
}

/** The request form with a service already chosen (a service with no online booking links here): built fresh, not cached. */
async function requestFor(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, serviceId: string): Promise<Response> {
  const deps = c.get('deps');
  const facts = await loadSiteFacts(deps.db, target);
  const known = facts?.services.some((s) => s.id === serviceId);
  const page = await buildSitePage(facts, 'request', mount, { settings: deps.config, formToken: (tenantId) => formToken(deps.masterKey, tenantId), ...(known ? { form: { values: { serviceId }, errors: {} } } : {}) });
  return c.body(page.body, page.status, { 'content-type': page.contentType, 'cache-control': 'no-store', ...(page.csp ? { 'content-security-policy': page.csp } : {}) });
}
