import type { Context } from 'hono';
import type { SiteMount } from '../../domain/sites/urls.ts';
import type { AppEnv } from '../context.ts';
import { formToken } from './form-token.ts';
import { buildSitePage, type SiteResource } from './page-builder.ts';
import { siteCacheOf, type CachedPage } from './site-cache.ts';
import { loadSiteFacts, type SiteTarget } from './site-facts.ts';

// A site's pages as HTTP answers: from the in-process cache when they can be, with an ETag (a 304
// when the browser already has the page) and the page's own Content-Security-Policy.

const cacheKey = (target: SiteTarget, mount: SiteMount, resource: SiteResource) => `${'slug' in target ? `s:${target.slug}` : `t:${target.tenantId}`}|${mount.base}|${resource}`;

export function respondWith(c: Context<AppEnv>, page: CachedPage): Response {
  const headers: Record<string, string> = {
    'content-type': page.contentType,
    etag: page.etag,
    // Browsers and proxies may keep a page a minute; the ETag makes checking again nearly free.
    'cache-control': page.status === 200 ? 'public, max-age=60, stale-while-revalidate=600' : 'public, max-age=30',
    ...(page.csp ? { 'content-security-policy': page.csp } : {}),
  };
  const known = c.req.header('if-none-match');
  if (page.status === 200 && known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag)) {
    return c.body(null, 304, { etag: page.etag, 'cache-control': headers['cache-control']! });
  }
  return c.req.method === 'HEAD' ? c.body(null, page.status, headers) : c.body(page.body, page.status, headers);
}

/** The page for `resource`, from the cache or built now (and kept). */
export async function sitePage(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, resource: SiteResource): Promise<CachedPage> {
  const deps = c.get('deps');
  const cache = siteCacheOf(deps);
  const key = cacheKey(target, mount, resource);
  const cached = cache.pages.get(key);
  if (cached) return cached;
  const facts = await loadSiteFacts(deps.db, target);
  const page = await buildSitePage(facts, resource, mount, { settings: deps.config, formToken: (tenantId) => formToken(deps.masterKey, tenantId) });
  cache.pages.set(key, page);
  return page;
}
