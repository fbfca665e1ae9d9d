import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';
import { publishSite } from '../../tests/site-stack.ts';

// Serving: /s/<slug> and its pages, by subdomain and by an Elite custom domain; cached, with ETag
// and a 304; what suspended, closed and unpublished businesses show; sitemap and robots.txt.

let t: TestApp;
let owner: string;
beforeAll(async () => {
  t = await createTestApp({ env: { SITES_BASE_DOMAIN: 'sites.test', SITE_CACHE_TTL_MS: '60000' } });
  owner = await t.ownerToken();
});
afterAll(async () => t?.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
const setStatus = (tenantId: string, status: 'suspended' | 'closed' | 'active') => t.deps.db.tenantConfig.update({ where: { tenantId }, data: { status } });

describe('a published site', () => {
  it('is served at /s/<slug> with prices, hours, the number, its own strict CSP and cache headers', async () => {
    const { id, phoneNumber } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    const response = await get(`/s/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(`Test ${id}`);
    expect(html).toContain('from $249');
    expect(html).toContain('Opening hours');
    expect(html).toContain(`href="tel:${phoneNumber}"`);
    expect(html).toContain(`href="sms:${phoneNumber}"`);
    expect(html).toContain(`<link rel="canonical" href="http://${id}.sites.test:3000/">`);
    expect(html).toContain(`href="/s/${id}/book"`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(response.headers.get('cache-control')).toContain('public');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers 304 to a browser that already has the page', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    const first = await get(`/s/${id}/privacy`);
    const etag = first.headers.get('etag')!;
    const again = await get(`/s/${id}/privacy`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(`/s/${id}/privacy`, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('is built once and served from memory until the owner edits it', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    await publishSite(t, id, { content: { headline: 'The first headline' } });
    expect(await (await get(`/s/${id}`)).text()).toContain('The first headline');
    await t.deps.db.tenantSite.update({ where: { tenantId: id }, data: { content: { headline: 'Changed behind its back' } } });
    expect(await (await get(`/s/${id}`)).text()).toContain('The first headline');
    await publishSite(t, id, { content: { headline: 'The owner’s new headline' } }); // forgets the cached pages, as an edit does
    expect(await (await get(`/s/${id}`)).text()).toContain('The owner’s new headline');
  });

  it('is the whole of its subdomain, with links that stay on it', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    const home = await get('/', { host: `${id}.sites.test` });
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('href="/privacy"');
    expect(html).toContain('href="/book"');
    expect(await (await get('/book/request', { host: `${id}.sites.test` })).text()).toContain('action="/book/request"');
    expect((await get('/sms-opt-in', { host: `${id}.sites.test` })).status).toBe(200);
    expect((await get('/api/site-templates', { host: `${id}.sites.test` })).status).toBe(404);
    // An unknown subdomain is no site, and never the app.
    expect((await get('/', { host: 'nobody-here.sites.test' })).status).toBe(404);
  });

  it('is served at an Elite business’s own domain, and not at a Pro one’s', async () => {
    const elite = await createTenant(t, owner, 'elite');
    await publishSite(t, elite.id, { customDomain: `www.${elite.id}.example` });
    const home = await get('/', { host: `www.${elite.id}.example` });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`<link rel="canonical" href="https://www.${elite.id}.example/">`);
    const pro = await createTenant(t, owner, 'pro');
    await publishSite(t, pro.id, { customDomain: `www.${pro.id}.example` });
    const refused = await get('/', { host: `www.${pro.id}.example` });
    expect(await refused.text()).not.toContain(`Test ${pro.id}`);
  });

  it('lists its pages in sitemap.xml and robots.txt', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    const sitemap = await get(`/s/${id}/sitemap.xml`);
    expect(sitemap.headers.get('content-type')).toContain('application/xml');
    const xml = await sitemap.text();
    for (const path of ['/', '/book', '/privacy', '/terms', '/sms-opt-in']) expect(xml).toContain(`<loc>http://${id}.sites.test:3000${path}</loc>`);
    expect(await (await get('/robots.txt', { host: `${id}.sites.test` })).text()).toBe(`User-agent: *\nAllow: /\nDisallow: /thanks\nDisallow: /booking/\nSitemap: http://${id}.sites.test:3000/sitemap.xml\n`);
    expect(await (await get('/robots.txt')).text()).toContain('Allow: /s/');
  });
});

describe('a site of a business that cannot take work', () => {
  it('stays up with its phone number while the business is suspended, without the booking form', async () => {
    const { id, phoneNumber } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    await setStatus(id, 'suspended');
    const html = await (await get(`/s/${id}`)).text();
    expect(html).toContain(`href="tel:${phoneNumber}"`);
    expect(html).not.toContain('<form');
    expect(await (await get(`/s/${id}/book`)).text()).toContain('Online requests are paused');
  });

  it('is a plain "no longer available" page once the business has closed', async () => {
    const { id, phoneNumber } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    await setStatus(id, 'closed');
    for (const path of ['', '/book', '/privacy']) {
      const response = await get(`/s/${id}${path}`);
      expect(response.status).toBe(410);
      const html = await response.text();
      expect(html).toContain('is no longer available');
      expect(html).not.toContain(phoneNumber!);
    }
  });

  it('is a 404 page until published — except the legal pages carriers read during registration', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    await publishSite(t, id, { published: false });
    expect((await get(`/s/${id}`)).status).toBe(404);
    expect((await get(`/s/${id}/book`)).status).toBe(404);
    expect((await get(`/s/${id}/sitemap.xml`)).status).toBe(404);
    for (const path of ['/privacy', '/terms', '/sms-opt-in']) {
      const response = await get(`/s/${id}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain(`Test ${id}`);
    }
    expect(await (await get(`/s/${id}/robots.txt`)).text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('answers a 404 page for a slug that is no business, odd ones included', async () => {
    for (const slug of ['no-such-business', '%00', '..%2f..', 'x'.repeat(300), '😀']) {
      const response = await get(`/s/${slug}`);
      expect(response.status, slug).toBe(404);
      expect(await response.text()).toContain('There is no website here');
    }
    expect((await get('/s/no-such-business/anything/deeper')).status).toBe(404);
  });
});
