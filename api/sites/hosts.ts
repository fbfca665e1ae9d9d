import type { MiddlewareHandler } from 'hono';
import { normalHost, slugFromHost } from '../../domain/sites/urls.ts';
import type { AppEnv } from '../context.ts';
import { serveSite } from './serve.ts';
import { siteCacheOf } from './site-cache.ts';
import { tenantOfCustomDomain, type SiteTarget } from './site-facts.ts';

// Sites served by host: `<slug>.<SITES_BASE_DOMAIN>`, and an Elite business's own domain (its
// tenant_sites.custom_domain, pointed here by a DNS record; HTTPS is the owner's proxy's job).
// The platform's own host, localhost and IP addresses are never a site, so the API and the app
// are untouched; any other host is looked up once per SITE_CACHE_TTL_MS (a miss is remembered too).

const IP_OR_LOCAL = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

async function siteOfHost(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<SiteTarget | null> {
  const raw = c.req.header('host');
  if (!raw) return null;
  const { config, db } = c.get('deps');
  const host = normalHost(raw);
  if (IP_OR_LOCAL.test(host) || host === normalHost(new URL(config.PUBLIC_BASE_URL).host)) return null;
  const slug = slugFromHost(host, config.SITES_BASE_DOMAIN);
  if (slug) return { slug };
  if (config.SITES_BASE_DOMAIN && host === config.SITES_BASE_DOMAIN) return null;
  const cache = siteCacheOf(c.get('deps'));
  let tenantId = cache.hosts.get(host);
  if (tenantId === undefined) {
    tenantId = await tenantOfCustomDomain(db, host);
    cache.hosts.set(host, tenantId);
  }
  return tenantId ? { tenantId } : null;
}

/** Before every route: a request to a site's host is that site's, whatever its path. */
export function siteHosts(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const target = await siteOfHost(c);
    if (!target) return next();
    return serveSite(c, target, { base: '' }, c.req.path);
  };
}
