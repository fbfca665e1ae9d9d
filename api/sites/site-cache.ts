// Rendered site pages kept in this process: a page is built once and served from memory until
// SITE_CACHE_TTL_MS passes or the owner edits the site here (forget), so other processes catch up
// within the TTL. Hosts are remembered the same way, including hosts that are not a site, so a
// stranger's Host header costs one lookup per TTL. Bounded: the oldest entries go first.

export interface CachedPage {
  status: 200 | 404 | 410;
  body: string;
  contentType: string;
  etag: string;
  /** The page's own Content-Security-Policy (HTML pages). */
  csp?: string;
  /** Whose page it is, so an edit forgets it; null for a page that belongs to no business. */
  tenantId: string | null;
}

interface Entry<T> {
  value: T;
  expires: number;
}

class BoundedTtlMap<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly ttlMs: number, private readonly max: number) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  deleteWhere(test: (value: T) => boolean): void {
    for (const [key, entry] of this.entries) if (test(entry.value)) this.entries.delete(key);
  }
}

export class SiteCache {
  readonly pages: BoundedTtlMap<CachedPage>;
  /** Host → the tenant it serves (null: not a site). */
  readonly hosts: BoundedTtlMap<string | null>;

  constructor(ttlMs: number, maxPages = 5_000) {
    this.pages = new BoundedTtlMap(ttlMs, maxPages);
    this.hosts = new BoundedTtlMap(ttlMs, maxPages);
  }

  /** The owner changed something: every page of the business, and every host, is built afresh. */
  forget(tenantId: string): void {
    this.pages.deleteWhere((page) => page.tenantId === tenantId || page.tenantId === null);
    this.hosts.deleteWhere(() => true);
  }
}

// One cache per database client: every app built on the same connections (the API server wraps its
// deps) shares it, and tests that build several apps never share pages.
const caches = new WeakMap<object, SiteCache>();

export function siteCacheOf(deps: { db: object; config: { SITE_CACHE_TTL_MS: number } }): SiteCache {
  let cache = caches.get(deps.db);
  if (!cache) caches.set(deps.db, (cache = new SiteCache(deps.config.SITE_CACHE_TTL_MS)));
  return cache;
}
