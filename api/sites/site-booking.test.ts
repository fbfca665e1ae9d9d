import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { HOSTILE } from '../../tests/site-fixtures.ts';
import { formTokenIn, postForm, publishSite } from '../../tests/site-stack.ts';
import { createTenant, randomNumber } from '../../tests/tenant-fixtures.ts';
import { forTenant } from '../../prisma/tenant-db.ts';

// Booking from a business's website with no script, through app.request as a browser without
// JavaScript would: services → a day's free times (links) → the details form (a plain post) → the
// booking's page, from where the customer cancels or moves it. Hostile input never becomes markup,
// a slot taken meanwhile offers the nearest free times, a wrong link is a plain 404.

let t: TestApp;
let owner: string;
beforeAll(async () => {
  t = await createTestApp({ env: { SITE_REQUESTS_PER_HOUR: '200' } });
  owner = await t.ownerToken();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.request(url);
const attr = (text: string) => text.replace(/&amp;/g, '&');

/** A published auto-detailing site with one technician, so every service books online. */
async function bookableSite() {
  const { id } = await createTenant(t, owner, 'pro');
  await publishSite(t, id);
  await forTenant(t.deps.db, id).resource.updateMany({ data: { name: 'Sam' } }); // the registry's one resource
  const services = await forTenant(t.deps.db, id).service.findMany({ select: { id: true, name: true } });
  return { id, fullDetail: services.find((s) => s.name === 'Full detail')!.id };
}

/** The first free time's details link on a service's page, and that page's HTML. */
async function firstSlot(id: string, serviceId: string) {
  const page = await get(`/s/${id}/book/${serviceId}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const link = new RegExp(`href="(/s/${id}/book/${serviceId}/details\\?start=[^"]+)"`).exec(html)?.[1];
  expect(link, 'a free time on the first day with any').toBeTruthy();
  return { html, link: attr(link!), start: decodeURIComponent(/start=([^"&]+)/.exec(link!)![1]!) };
}

const details = (token: string, start: string, extra: Record<string, string> = {}) => ({ name: 'Jane Visitor', phone: randomNumber(), email: '', address: '12 Elm St, Tulsa', smsConsent: 'on', token, start, ...extra });

describe('booking on the website without JavaScript', () => {
  it('lists services with price, duration and a way to pick a time, never cached', async () => {
    const { id, fullDetail } = await bookableSite();
    const response = await get(`/s/${id}/book`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('from $249');
    expect(html).toMatch(/Full detail<\/h2>.*?from \$249 · 4 h/s);
    expect(html).toContain(`href="/s/${id}/book/${fullDetail}"`);
    expect(html).toContain(`href="/s/${id}/book/request"`);
    expect(html).not.toContain('<script');
    // The rest of the site keeps its cache.
    expect((await get(`/s/${id}`)).headers.get('cache-control')).toContain('public');
  });

  it('goes service → day → time → details → booked, with times on the business clock', async () => {
    const { id, fullDetail } = await bookableSite();
    const { html, link, start } = await firstSlot(id, fullDetail);
    expect(html).toMatch(/<nav aria-label="Days">(.*?<a [^>]*href="[^"]*\?date=\d{4}-\d{2}-\d{2}"){14}/s);
    expect(html).toMatch(/Times are C[SD]T \(America\/Chicago\)/);
    const form = await get(link);
    expect(form.headers.get('cache-control')).toBe('no-store');
    const formHtml = await form.text();
    expect(formHtml).toContain(`name="start" value="${start}"`);
    expect(formHtml).toContain('Reply STOP to opt out, HELP for help.');
    expect(formHtml).toMatch(/<input type="checkbox" name="smsConsent">/); // unticked

    const sent = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(formTokenIn(formHtml), start));
    expect(sent.status).toBe(303);
    const location = sent.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/s/${id}/booking/[0-9a-f-]{36}\\?t=[\\w-]+&done=booked$`));
    const done = await (await get(location)).text();
    const when = new Date(start).toLocaleString('en-US', { timeZone: 'America/Chicago', weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).replace(/,(?= \d+:)/, ',');
    expect(done).toMatch(/<h1>Booked: Full detail, \w{3} \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M C[SD]T<\/h1>/);
    expect(done).toContain(when.split(', ').slice(1).join(', ').replace(/^(\w+ \d+), /, '$1, '));
    expect(done).toContain('We texted you a confirmation');

    const { rows } = await t.adminSql(`SELECT b.status, b.source, b.starts_at, b.address, c.name FROM bookings b JOIN customers c ON c.id = b.customer_id AND c.tenant_id = b.tenant_id WHERE b.tenant_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'confirmed', source: 'web', starts_at: new Date(start), address: '12 Elm St, Tulsa', name: 'Jane Visitor' }]);
  });

  it('offers the nearest free times in the same form when the time was taken meanwhile', async () => {
    const { id, fullDetail } = await bookableSite();
    const { link, start } = await firstSlot(id, fullDetail);
    const token = formTokenIn(await (await get(link)).text());
    expect((await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, start))).status).toBe(303);
    const late = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, start, { name: 'Second Visitor' }));
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain('that time was just booked by someone else');
    expect(html).toContain('value="Second Visitor"');
    const nearest = [...html.matchAll(/type="radio" name="start" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(nearest.length).toBeGreaterThan(0);
    expect(nearest).not.toContain(start);
    const retry = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(formTokenIn(html), nearest[0]!, { name: 'Second Visitor' }));
    expect(retry.status).toBe(303);
    expect((await t.adminSql(`SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1 AND status = 'confirmed'`, [id])).rows[0].n).toBe(2);
  });

  it('never lets hostile input run: script tags, quotes and javascript: come back as text', async () => {
    const { id, fullDetail } = await bookableSite();
    const { link, start } = await firstSlot(id, fullDetail);
    const token = formTokenIn(await (await get(link)).text());
    const bad = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, start, { name: HOSTILE, phone: 'javascript:alert(1)', notes: '"><script>alert(5)</script>' }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Phone number: enter a valid phone number');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script/g)).toBeNull();

    // Stored as typed, shown as text on the booking's own page.
    const ok = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, start, { name: HOSTILE, address: `javascript:alert(1) ${HOSTILE}` }));
    expect(ok.status).toBe(303);
    const page = await (await get(ok.headers.get('location')!)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('javascript:alert(1) &quot;&gt;&lt;script&gt;');

    // Hostile values in the addresses themselves.
    expect((await get(`/s/${id}/book/${encodeURIComponent('"><script>alert(1)</script>')}`)).status).toBe(404);
    const odd = await get(`/s/${id}/book/${fullDetail}?date=${encodeURIComponent('"><script>')}`);
    expect(odd.status).toBe(200);
    expect(await odd.text()).not.toContain('<script');
    expect((await get(`/s/${id}/book/${fullDetail}/details?start=${encodeURIComponent('javascript:alert(1)')}`)).status).toBe(303);
    const forged = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, '"><script>alert(1)</script>'));
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain('<script>alert');
  });

  it('refuses a post from another site, a stale token, and an unpublished or suspended business', async () => {
    const { id, fullDetail } = await bookableSite();
    const { link, start } = await firstSlot(id, fullDetail);
    const token = formTokenIn(await (await get(link)).text());
    expect((await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, start), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const stale = await postForm(t, `/s/${id}/book/${fullDetail}/details`, details('1.forged', start));
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain('This form has expired');
    await t.deps.db.tenantConfig.update({ where: { tenantId: id }, data: { status: 'suspended' } });
    expect((await postForm(t, `/s/${id}/book/${fullDetail}/details`, details(token, start))).status).toBe(403);
    expect(await (await get(`/s/${id}/book`)).text()).toContain('Online requests are paused');
    await t.deps.db.tenantConfig.update({ where: { tenantId: id }, data: { status: 'active' } });
    await t.deps.db.tenantSite.update({ where: { tenantId: id }, data: { publishedAt: null } });
    expect((await get(`/s/${id}/book/${fullDetail}`)).status).toBe(404);
    expect((await t.adminSql(`SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1`, [id])).rows[0].n).toBe(0);
  });

  it('keeps "just send a request" for a service no one can do online, and a business with no services', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    await publishSite(t, id);
    // Services, but its one resource is switched off: nothing books online.
    await forTenant(t.deps.db, id).resource.updateMany({ data: { active: false } });
    const html = await (await get(`/s/${id}/book`)).text();
    const serviceId = /href="\/s\/[^/]+\/book\/request\?serviceId=([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(serviceId).toBeTruthy();
    expect(html).not.toMatch(/>Pick a time</);
    const away = await get(`/s/${id}/book/${serviceId}`);
    expect(away.status).toBe(303);
    const request = await (await get(away.headers.get('location')!)).text();
    expect(request).toMatch(new RegExp(`<option value="${serviceId}" selected>`));
    expect(request).toContain(`action="/s/${id}/book/request"`);

    await forTenant(t.deps.db, id).service.deleteMany({});
    const { siteCacheOf } = await import('./site-cache.ts');
    siteCacheOf(t.deps).forget(id);
    const none = await (await get(`/s/${id}/book`)).text();
    expect(none).toContain('Send us this form and we will reply with a time and a price.');
  });
});

describe('managing a booking from its link', () => {
  async function booked(rules: { cancellationWindowHours?: number } = {}) {
    const site = await bookableSite();
    if (rules.cancellationWindowHours !== undefined) await t.deps.db.bookingSettings.upsert({ where: { tenantId: site.id }, update: rules, create: { tenantId: site.id, ...rules } });
    const { link, start } = await firstSlot(site.id, site.fullDetail);
    const token = formTokenIn(await (await get(link)).text());
    const sent = await postForm(t, `/s/${site.id}/book/${site.fullDetail}/details`, details(token, start));
    const location = sent.headers.get('location')!;
    const [, bookingId, manageToken] = /\/booking\/([0-9a-f-]{36})\?t=([\w-]+)/.exec(location)!;
    return { ...site, start, bookingId: bookingId!, manageToken: manageToken!, formToken: token };
  }

  it('is a plain 404 with a wrong token, another business, or a made-up id', async () => {
    const b = await booked();
    expect((await get(`/s/${b.id}/booking/${b.bookingId}?t=${b.manageToken}`)).status).toBe(200);
    for (const url of [`/s/${b.id}/booking/${b.bookingId}?t=wrong`, `/s/${b.id}/booking/${b.bookingId}`, `/s/${b.id}/booking/not-an-id?t=${b.manageToken}`]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('Full detail');
    }
    const other = await bookableSite();
    expect((await get(`/s/${other.id}/booking/${b.bookingId}?t=${b.manageToken}`)).status).toBe(404);
    expect((await postForm(t, `/s/${b.id}/booking/${b.bookingId}/cancel`, { t: 'wrong', token: b.formToken })).status).toBe(404);
  });

  it('says what cancelling costs before it cancels', async () => {
    const b = await booked();
    await t.deps.db.bookingSettings.upsert({ where: { tenantId: b.id }, update: { cancellationWindowHours: 24 * 30, cancellationFeeCents: 2500 }, create: { tenantId: b.id, cancellationWindowHours: 24 * 30, cancellationFeeCents: 2500 } });
    const ask = await (await get(`/s/${b.id}/booking/${b.bookingId}/cancel?t=${b.manageToken}`)).text();
    expect(ask).toContain('late-cancellation fee of $25 applies');
    expect(ask).toContain('Yes, cancel it');
    const done = await postForm(t, `/s/${b.id}/booking/${b.bookingId}/cancel`, { t: b.manageToken, token: formTokenIn(ask) });
    expect(done.status).toBe(303);
    const page = await (await get(done.headers.get('location')!)).text();
    expect(page).toMatch(/<h1>Cancelled: Full detail/);
    expect(page).not.toContain('>Reschedule<');
    expect((await t.adminSql(`SELECT status FROM bookings WHERE tenant_id = $1`, [b.id])).rows).toEqual([{ status: 'cancelled' }]);
  });

  it('moves the booking to another free time', async () => {
    // No cancellation window: the first free slot is soon, and a customer may move it online.
    const b = await booked({ cancellationWindowHours: 0 });
    const pick = await (await get(`/s/${b.id}/booking/${b.bookingId}/reschedule?t=${b.manageToken}`)).text();
    const links = [...pick.matchAll(/href="([^"]*\/reschedule\?[^"]*start=[^"]+)"/g)].map((m) => attr(m[1]!));
    expect(links.length).toBeGreaterThan(1);
    const confirm = await (await get(links[1]!)).text();
    const newStart = /name="start" value="([^"]+)"/.exec(confirm)![1]!;
    expect(confirm).toContain('Move my booking');
    const moved = await postForm(t, `/s/${b.id}/booking/${b.bookingId}/reschedule`, { t: b.manageToken, token: formTokenIn(confirm), start: newStart });
    expect(moved.status).toBe(303);
    expect(await (await get(moved.headers.get('location')!)).text()).toMatch(/<h1>Moved: Full detail/);
    expect((await t.adminSql(`SELECT starts_at FROM bookings WHERE tenant_id = $1`, [b.id])).rows).toEqual([{ starts_at: new Date(newStart) }]);
  });
});
