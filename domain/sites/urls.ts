// Where a website lives. Every site is at `<PUBLIC_BASE_URL>/s/<slug>`; with SITES_BASE_DOMAIN also
// at `<slug>.<SITES_BASE_DOMAIN>`, and an Elite business's own domain on top. Search engines are
// told one canonical address (own domain, else subdomain, else path), while links inside a page
// follow the address it was served at, so a visitor never jumps from one host to another.

export const SITE_PAGES = {
  home: '',
  book: '/book',
  /** The "just send a request" form: a service with no online booking, or a business with no services. */
  request: '/book/request',
  thanks: '/thanks',
  privacy: '/privacy',
  terms: '/terms',
  smsOptIn: '/sms-opt-in',
} as const;
export type SitePage = keyof typeof SITE_PAGES;

/** Pages search engines should list (the thank-you page is only reached by a form post). */
export const INDEXED_PAGES: SitePage[] = ['home', 'book', 'privacy', 'terms', 'smsOptIn'];

/** A site as served at one address: `base` + a page's path is that page; `home` is its front page. */
export interface SiteMount {
  /** No trailing slash: "" for a host of its own, "/s/sunny-lawns" under the platform, or an absolute origin. */
  base: string;
}

export function pagePath(mount: SiteMount, page: SitePage): string {
  const path = SITE_PAGES[page];
  if (page === 'home') return mount.base === '' || /^https?:\/\/[^/]+$/.test(mount.base) ? `${mount.base}/` : mount.base;
  return `${mount.base}${path}`;
}

export interface SiteUrlSettings {
  PUBLIC_BASE_URL: string;
  SITES_BASE_DOMAIN?: string | undefined;
}

/** The mount served under the platform's own address: `/s/<slug>`. */
export const platformMount = (slug: string): SiteMount => ({ base: `/s/${slug}` });

/** The one absolute address search engines should use for the site (a mount with an absolute base). */
export function canonicalMount(site: { slug: string; customDomain: string | null }, settings: SiteUrlSettings): SiteMount {
  if (site.customDomain) return { base: `https://${site.customDomain}` };
  const platform = new URL(settings.PUBLIC_BASE_URL);
  if (settings.SITES_BASE_DOMAIN) return { base: `${platform.protocol}//${site.slug}.${settings.SITES_BASE_DOMAIN}${platform.port ? `:${platform.port}` : ''}` };
  return { base: `${settings.PUBLIC_BASE_URL.replace(/\/+$/, '')}/s/${site.slug}` };
}

/**
 * The slug a request's host names under SITES_BASE_DOMAIN ("sunny-lawns.sites.example.com" →
 * "sunny-lawns"), or null when the host is not one site's subdomain.
 */
export function slugFromHost(host: string, baseDomain: string | undefined): string | null {
  if (!baseDomain) return null;
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const suffix = `.${baseDomain.toLowerCase()}`;
  if (!name.endsWith(suffix)) return null;
  const label = name.slice(0, -suffix.length);
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label) ? label : null;
}

/** A host as stored in tenant_sites.custom_domain: lowercase, no port, no trailing dot. */
export const normalHost = (host: string): string => host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');

/** The booking flow's own addresses under a site: a service's days and slots, the details form, the manage page. */
export const bookingPath = {
  service: (mount: SiteMount, serviceId: string, date?: string) => `${mount.base}/book/${serviceId}${date ? `?date=${date}` : ''}`,
  details: (mount: SiteMount, serviceId: string, start?: string) => `${mount.base}/book/${serviceId}/details${start ? `?start=${encodeURIComponent(start)}` : ''}`,
  /** The customer's link to their booking (the token proves it is theirs). */
  manage: (mount: SiteMount, bookingId: string, token: string, step?: 'cancel' | 'reschedule', query: Record<string, string> = {}) =>
    `${mount.base}/booking/${bookingId}${step ? `/${step}` : ''}?${new URLSearchParams({ t: token, ...query }).toString()}`,
};
