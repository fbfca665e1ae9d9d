import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { acceptsBody, endpointsOf, fillPath } from '../../tests/route-table.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

// "View as owner": the platform owner opens one tenant's area with a session that can only read.
// The API enforces it (requireAccess), not just the web app: every write through it is refused.

let t: TestApp;
let owner: string;
let ownerId: string;
let tenantId: string;
let otherTenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
  ownerId = ((await (await t.call('GET', '/api/auth/me', { token: owner })).json()) as { user: { id: string } }).user.id;
  tenantId = (await createTenant(t, owner, 'pro')).id;
  otherTenantId = (await createTenant(t, owner, 'pro')).id;
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string } };
type ViewAs = { token: string; expiresAt: string; viewingAs: { tenantId: string; businessName: string } };

async function viewAs(id = tenantId): Promise<ViewAs> {
  const r = await t.call('POST', `/api/admin/tenants/${id}/view-as`, { token: owner });
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as ViewAs;
}

describe('view as owner', () => {
  it('gives the platform owner a session that reads one tenant as its owner, and audits who, which tenant and when', async () => {
    const started = Date.now();
    const view = await viewAs();
    expect(view.viewingAs).toEqual({ tenantId, businessName: `Test ${tenantId}` });
    const me = (await (await t.call('GET', '/api/auth/me', { token: view.token })).json()) as { user: Record<string, unknown> };
    expect(me.user).toMatchObject({ id: ownerId, isPlatformOwner: false, viewingAs: { tenantId, businessName: `Test ${tenantId}` }, memberships: [{ tenantId, role: 'owner' }] });
    for (const path of ['', '/phone-settings', '/calls', '/voicemails', '/messages', '/billing', '/exports']) {
      expect((await t.call('GET', `/api/tenants/${tenantId}${path}`, { token: view.token })).status, path).toBe(200);
    }
    const { rows } = await t.adminSql(`SELECT actor_user_id, action, after, created_at FROM audit_log WHERE tenant_id = $1 AND action = 'tenant.viewed_as_owner'`, [tenantId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_user_id).toBe(ownerId);
    expect(rows[0].created_at.getTime()).toBeGreaterThanOrEqual(started - 1_000);
    expect(rows[0].after).toMatchObject({ expiresAt: view.expiresAt });
  });

  it('refuses every write through a view-as session with 403 read_only, and nothing changes', async () => {
    const view = await viewAs();
    const writes = endpointsOf(t.app).filter((e) => acceptsBody(e.method) && e.path.startsWith('/api/tenants/:tenantId'));
    expect(writes.length).toBeGreaterThan(5);
    for (const endpoint of writes) {
      const path = fillPath(endpoint.path, (name) => (name === 'tenantId' ? tenantId : '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a'));
      const r = await t.call(endpoint.method, path, { token: view.token, body: {} });
      expect(r.status, `${endpoint.method} ${endpoint.path}`).toBe(403);
      const { error } = (await r.json()) as ErrorBody;
      expect(error.code).toBe('read_only');
      expect(error.message).toMatch(/read only/i);
    }
    const before = await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId } });
    const r = await t.call('PATCH', `/api/tenants/${tenantId}/phone-settings`, { token: view.token, body: { greetingText: 'Changed while viewing' } });
    expect(r.status).toBe(403);
    expect((await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId } })).greetingText).toBe(before.greetingText);
    expect(await t.deps.db.dataExport.count({ where: { tenantId } })).toBe(0);
  });

  it('reaches no other tenant and none of the platform owner’s own routes', async () => {
    const view = await viewAs();
    expect((await t.call('GET', `/api/tenants/${otherTenantId}`, { token: view.token })).status).toBe(403);
    expect((await t.call('GET', '/api/tenants/root/calls', { token: view.token })).status).toBe(403);
    expect((await t.call('GET', '/api/admin/tenants', { token: view.token })).status).toBe(403);
    expect((await t.call('GET', '/api/admin/audit', { token: view.token })).status).toBe(403);
    const create = await t.call('POST', '/api/admin/tenants', { token: view.token, body: { businessName: 'Sneaky', tier: 'pro' } });
    expect(create.status).toBe(403);
    // A view cannot start another view.
    expect((await t.call('POST', `/api/admin/tenants/${otherTenantId}/view-as`, { token: view.token })).status).toBe(403);
  });

  it('"Stop viewing" ends the view and only the view, even with the platform owner’s session cookie beside it', async () => {
    const view = await viewAs();
    const stop = await t.call('DELETE', '/api/view-as', { token: view.token, headers: { cookie: `servicepro_session=${owner}` } });
    expect(stop.status).toBe(200);
    expect((await t.call('GET', `/api/tenants/${tenantId}`, { token: view.token })).status).toBe(401);
    expect((await t.call('GET', '/api/admin/tenants', { token: owner })).status).toBe(200);
    const { rows } = await t.adminSql(`SELECT actor_user_id FROM audit_log WHERE tenant_id = $1 AND action = 'tenant.view_as_ended'`, [tenantId]);
    expect(rows.map((row) => row.actor_user_id)).toContain(ownerId);
    // The platform owner's own token is not a view: nothing ends.
    expect((await t.call('DELETE', '/api/view-as', { token: owner })).status).toBe(200);
    expect((await t.call('GET', '/api/admin/tenants', { token: owner })).status).toBe(200);
  });

  it('only the platform owner may start one; an unknown tenant is a 404; signing out ends the view', async () => {
    const tenantOwner = await t.memberToken(tenantId, 'owner');
    const refused = await t.call('POST', `/api/admin/tenants/${otherTenantId}/view-as`, { token: tenantOwner });
    expect(refused.status).toBe(403);
    expect((await t.call('POST', '/api/admin/tenants/nobody-here/view-as', { token: owner })).status).toBe(404);

    const view = await viewAs();
    expect((await t.call('POST', '/api/auth/logout', { token: view.token })).status).toBe(200);
    expect((await t.call('GET', `/api/tenants/${tenantId}`, { token: view.token })).status).toBe(401);
    // The platform owner's own session is untouched.
    expect((await t.call('GET', '/api/admin/tenants', { token: owner })).status).toBe(200);
  });
});
