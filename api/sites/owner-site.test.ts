import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { formTokenIn, postForm, publishSite } from '../../tests/site-stack.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

// The owner's side: the template list, reading and changing the site (plan rules for templates and
// custom domains), the live preview, publishing, and the requests the site brought in.

let t: TestApp;
let platformOwner: string;
beforeAll(async () => {
  t = await createTestApp({ env: { SITES_BASE_DOMAIN: 'sites.test' } });
  platformOwner = await t.ownerToken();
});
afterAll(async () => t?.close());

async function business(tier: 'starter' | 'pro' | 'elite') {
  const { id } = await createTenant(t, platformOwner, tier);
  return { id, owner: await t.memberToken(id, 'owner') };
}
const put = (id: string, token: string, body: unknown) => t.call('PUT', `/api/tenants/${id}/site`, { token, body });

describe('the website templates', () => {
  it('are listed for the wizard and the editor, with the plans that include each', async () => {
    const { templates } = (await (await t.call('GET', '/api/site-templates')).json()) as { templates: { id: string; name: string; description: string; tiers: string[] }[] };
    expect(templates).toHaveLength(10);
    expect(templates[0]).toMatchObject({ id: 'classic', tiers: ['starter', 'pro', 'elite'] });
    expect(templates.slice(1).every((template) => template.tiers.join() === 'pro,elite')).toBe(true);
    expect(new Set(templates.map((template) => template.name)).size).toBe(10);
  });
});

describe("the owner's website settings", () => {
  it('start unpublished on the starter template; an owner picks one, writes the headline and publishes', async () => {
    const { id, owner } = await business('pro');
    const before = (await (await t.call('GET', `/api/tenants/${id}/site`, { token: owner })).json()) as { site: { template: string; published: boolean; url: string; canonicalUrl: string } };
    expect(before.site).toMatchObject({ template: 'classic', published: false, url: `http://localhost:3000/s/${id}`, canonicalUrl: `http://${id}.sites.test:3000/` });
    expect((await t.app.request(`/s/${id}`)).status).toBe(404);

    const saved = await put(id, owner, { template: 'bold', content: { headline: 'Lawns you will love', hiddenSections: ['faqs'] }, published: true });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { site: { template: string; published: boolean } }).site).toMatchObject({ template: 'bold', published: true });
    const html = await (await t.app.request(`/s/${id}`)).text();
    expect(html).toContain('class="t-bold p-home"');
    expect(html).toContain('Lawns you will love');
    expect(html).not.toContain('id="faqs"');

    expect((await put(id, owner, { published: false })).status).toBe(200);
    expect((await t.app.request(`/s/${id}`)).status).toBe(404);
  });

  it('lets only owners change it, and refuses what is not a site', async () => {
    const { id, owner } = await business('pro');
    const staff = await t.memberToken(id, 'staff');
    expect((await put(id, staff, { published: true })).status).toBe(403);
    expect((await t.call('GET', `/api/tenants/${id}/site`, { token: staff })).status).toBe(200);
    const bad = await put(id, owner, { content: { photos: [{ url: 'javascript:alert(1)', alt: 'A photo' }] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields['content.photos.0.url']).toBe('Use a web address that starts with https://');
    expect((await put(id, owner, { template: 'glitter' })).status).toBe(400);
    expect((await put(id, owner, {})).status).toBe(400);
  });

  it('gives Starter one template, and shows it again after a downgrade without forgetting the choice', async () => {
    const starter = await business('starter');
    const locked = await put(starter.id, starter.owner, { template: 'split' });
    expect(locked.status).toBe(403);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toBe('All website templates is part of the Pro plan — upgrade to use it.');
    expect((await put(starter.id, starter.owner, { template: 'classic', published: true })).status).toBe(200);

    const pro = await business('pro');
    await put(pro.id, pro.owner, { template: 'editorial', published: true });
    await t.call('PATCH', `/api/admin/tenants/${pro.id}`, { token: platformOwner, body: { tier: 'starter' } });
    expect(await (await t.app.request(`/s/${pro.id}`)).text()).toContain('class="t-classic p-home"');
    const view = (await (await t.call('GET', `/api/tenants/${pro.id}/site`, { token: pro.owner })).json()) as { site: { template: string; effectiveTemplate: string } };
    expect(view.site).toMatchObject({ template: 'editorial', effectiveTemplate: 'classic' });
  });

  it('takes a custom domain on Elite only, never the platform’s own or one already taken', async () => {
    const pro = await business('pro');
    expect((await put(pro.id, pro.owner, { customDomain: 'www.pro-shop.example' })).status).toBe(403);
    const elite = await business('elite');
    const saved = await put(elite.id, elite.owner, { customDomain: `WWW.${elite.id}.Example.`, published: true });
    expect(((await saved.json()) as { site: { customDomain: string; canonicalUrl: string } }).site).toMatchObject({ customDomain: `www.${elite.id}.example`, canonicalUrl: `https://www.${elite.id}.example/` });
    expect((await t.app.request('/', { headers: { host: `www.${elite.id}.example` } })).status).toBe(200);
    expect((await put(elite.id, elite.owner, { customDomain: `shop.sites.test` })).status).toBe(400);
    expect((await put(elite.id, elite.owner, { customDomain: 'https://www.x.example/path' })).status).toBe(400);
    const other = await business('elite');
    expect((await put(other.id, other.owner, { customDomain: `www.${elite.id}.example` })).status).toBe(409);
  });

  it('previews unsaved changes as the page would look, without touching the live site', async () => {
    const { id, owner } = await business('starter');
    await publishSite(t, id, { content: { headline: 'The live headline' } });
    const preview = await t.call('POST', `/api/tenants/${id}/site/preview`, { token: owner, body: { template: 'board', content: { headline: 'A headline not saved yet' } } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await preview.text();
    expect(html).toContain('A headline not saved yet');
    expect(html).toContain('class="t-board p-home"'); // a preview shows what an upgrade would bring
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(await (await t.app.request(`/s/${id}`)).text()).toContain('The live headline');
  });

  it('lists the requests the site brought in, newest first', async () => {
    const { id, owner } = await business('pro');
    await publishSite(t, id);
    const token = formTokenIn(await (await t.app.request(`/s/${id}/book/request`)).text());
    await postForm(t, `/s/${id}/book/request`, { name: 'Early Bird', phone: '+19185550161', when: 'Monday', token });
    await postForm(t, `/s/${id}/book/request`, { name: 'Late Owl', phone: '+19185550162', message: 'After 5 please', token });
    const { requests } = (await (await t.call('GET', `/api/tenants/${id}/site/requests`, { token: owner })).json()) as { requests: { customer: { name: string }; preferredTime: string | null; message: string | null }[] };
    expect(requests.map((r) => [r.customer.name, r.preferredTime, r.message])).toEqual([['Late Owl', null, 'After 5 please'], ['Early Bird', 'Monday', null]]);
  });
});
