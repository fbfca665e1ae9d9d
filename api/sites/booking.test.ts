import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { formTokenIn, postForm, publishSite } from '../../tests/site-stack.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

// The booking form of a site, posted as a browser without JavaScript posts it: a request creates
// (or finds) the customer, is stored, and the owner gets a text; the visitor lands on the
// thank-you page. Cross-site posts, stale tokens, bad input and floods are refused.

let t: TestApp;
let owner: string;
beforeAll(async () => {
  t = await createTestApp({ env: { SITE_REQUESTS_PER_HOUR: '3' } });
  owner = await t.ownerToken();
});
afterAll(async () => t?.close());

async function siteWithForm() {
  const { id } = await createTenant(t, owner, 'pro');
  await publishSite(t, id, { ownerNotifyPhone: '+19185550142' });
  const html = await (await t.app.request(`/s/${id}/book/request`)).text();
  const serviceId = /<option value="([0-9a-f-]{36})">Full detail/.exec(html)![1]!;
  return { id, token: formTokenIn(html), serviceId };
}

describe('the booking form', () => {
  it('creates the customer and the request, texts the owner, and thanks the visitor', async () => {
    const { id, token, serviceId } = await siteWithForm();
    const response = await postForm(t, `/s/${id}/book`, { name: 'Jane Visitor', phone: '(918) 555-0177', email: 'Jane@Example.com', serviceId, when: 'Saturday morning', message: 'Dog hair everywhere', smsConsent: 'on', token });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/s/${id}/thanks`);
    expect(await (await t.app.request(`/s/${id}/thanks`)).text()).toContain('we have your request');

    const { rows: [request] } = await t.adminSql(
      `SELECT r.service_name, r.preferred_time, r.message, r.sms_consent, c.name, c.phone, c.email FROM website_requests r JOIN customers c ON c.id = r.customer_id AND c.tenant_id = r.tenant_id WHERE r.tenant_id = $1`,
      [id],
    );
    expect(request).toEqual({ service_name: 'Full detail', preferred_time: 'Saturday morning', message: 'Dog hair everywhere', sms_consent: true, name: 'Jane Visitor', phone: '+19185550177', email: 'jane@example.com' });
    await expect
      .poll(async () => (await t.adminSql(`SELECT to_number, body FROM messages WHERE tenant_id = $1 AND kind = 'owner-alert'`, [id])).rows, { timeout: 20_000 })
      .toEqual([{ to_number: '+19185550142', body: expect.stringMatching(/^New website request: Jane Visitor, \(918\) 555-0177 — Full detail, Saturday morning\. .*\/t\/.*\/website$/) }]);
  });

  it('finds a returning customer by number and never renames them', async () => {
    const { id, token } = await siteWithForm();
    for (const name of ['First Name', 'Someone Else']) {
      expect((await postForm(t, `/s/${id}/book`, { name, phone: '+19185550188', token })).status).toBe(303);
    }
    const { rows } = await t.adminSql(`SELECT c.name, count(r.id)::int AS requests FROM customers c JOIN website_requests r ON r.customer_id = c.id WHERE c.tenant_id = $1 GROUP BY c.name`, [id]);
    expect(rows).toEqual([{ name: 'First Name', requests: 2 }]);
  });

  it('shows the form again with what to fix, keeping what was typed (escaped)', async () => {
    const { id, token } = await siteWithForm();
    const response = await postForm(t, `/s/${id}/book`, { name: '"><script>alert(1)</script>', phone: 'not a number', serviceId: '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', token });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('Please check the 2 fields marked below.');
    expect(html).toContain('Phone number: enter a valid phone number');
    expect(html).toContain('Choose a service from the list');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>alert(1)');
    expect((await t.adminSql(`SELECT count(*)::int AS n FROM website_requests WHERE tenant_id = $1`, [id])).rows[0].n).toBe(0);
  });

  it('refuses a post from another site, and a form without this site’s token', async () => {
    const { id, token } = await siteWithForm();
    const fields = { name: 'Mallory', phone: '+19185550199', token };
    expect((await postForm(t, `/s/${id}/book`, fields, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const forged = await postForm(t, `/s/${id}/book`, { ...fields, token: '1.forged' });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This form has expired');
    const other = await siteWithForm();
    expect((await postForm(t, `/s/${id}/book`, { ...fields, token: other.token })).status).toBe(400);
  });

  it('takes only so many requests from one address in an hour', async () => {
    const { id, token } = await siteWithForm();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postForm(t, `/s/${id}/book`, { name: `Visitor ${i}`, phone: `+1918555016${i}`, token })).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
  });

  it('takes no requests for a suspended business, and none for an unpublished site', async () => {
    const { id, token } = await siteWithForm();
    await t.deps.db.tenantConfig.update({ where: { tenantId: id }, data: { status: 'suspended' } });
    const paused = await postForm(t, `/s/${id}/book`, { name: 'Late', phone: '+19185550150', token });
    expect(paused.status).toBe(403);
    expect(await paused.text()).toContain('Online requests are paused');
    const hidden = await siteWithForm();
    await t.deps.db.tenantSite.update({ where: { tenantId: hidden.id }, data: { publishedAt: null } });
    expect((await postForm(t, `/s/${hidden.id}/book`, { name: 'Early', phone: '+19185550151', token: hidden.token })).status).toBe(404);
  });
});
