import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { registryRow } from '../../tests/registry-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';
import { queryBillingState } from '../../workers/client/tenant-billing.ts';

// The platform owner's console beyond the list: reopening a closed tenant, root's own settings,
// and the audit log.

let t: TestApp;
let owner: string;
let ownerEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
  ownerEmail = ((await (await t.call('GET', '/api/auth/me', { token: owner })).json()) as { user: { email: string } }).user.email;
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const json = async <T>(r: Response) => (await r.json()) as T;

describe('reopen a closed tenant', () => {
  it('brings a closed, unpurged tenant back as suspended, lists it again, audits it, and billing starts a new retention window', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    expect((await t.call('DELETE', `/api/admin/tenants/${id}`, { token: owner })).status).toBe(200);
    await expect.poll(async () => (await queryBillingState(t.deps.temporal, id)).status).toBe('closed');
    await expect.poll(async () => (await queryBillingState(t.deps.temporal, id)).retentionEndsAt).toBeTruthy();
    const closedRetention = Date.parse((await queryBillingState(t.deps.temporal, id)).retentionEndsAt!);

    const r = await t.call('POST', `/api/admin/tenants/${id}/reopen`, { token: owner });
    expect(r.status, await r.clone().text()).toBe(200);
    expect((await json<{ tenant: object }>(r)).tenant).toMatchObject({ id, status: 'suspended', closedAt: null });
    const listed = await json<{ tenants: { id: string }[] }>(await t.call('GET', `/api/admin/tenants?q=${id}`, { token: owner }));
    expect(listed.tenants.map((x) => x.id)).toEqual([id]);
    const { rows } = await t.adminSql(`SELECT action, before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE tenant_id = $1 ORDER BY id`, [id]);
    expect(rows.at(-1)).toEqual({ action: 'tenant.reopened', before: 'closed', after: 'suspended' });
    // The billing life carries on from suspended: a new retention window, plans can change again.
    await expect.poll(async () => (await queryBillingState(t.deps.temporal, id)).status).toBe('suspended');
    expect(Date.parse((await queryBillingState(t.deps.temporal, id)).retentionEndsAt!)).toBeGreaterThan(closedRetention);
    // A plan change is no longer refused as "closed".
    expect((await t.call('POST', `/api/tenants/${id}/billing/plan`, { token: owner, body: { tier: 'elite' } })).status).not.toBe(409);
  });

  it('409 for a tenant that is not closed, and for a purged one, saying why', async () => {
    const { id } = await createTenant(t, owner, 'starter', { withNumber: false });
    const open = await t.call('POST', `/api/admin/tenants/${id}/reopen`, { token: owner });
    expect(open.status).toBe(409);
    expect((await json<ErrorBody>(open)).error).toMatchObject({ code: 'not_closed' });

    const purgedId = uniqueId('purged');
    await registryRow(t.deps.db, { id: purgedId, businessName: 'Long Gone', status: 'closed', closedAt: new Date(Date.now() - 200 * 86_400_000), purgedAt: new Date() });
    const purged = await t.call('POST', `/api/admin/tenants/${purgedId}/reopen`, { token: owner });
    expect(purged.status).toBe(409);
    const { error } = await json<ErrorBody>(purged);
    expect(error.code).toBe('tenant_purged');
    expect(error.message).toMatch(/retention window/);
    expect(error.message).toMatch(/final export/);
    expect((await t.call('POST', '/api/admin/tenants/nobody-here/reopen', { token: owner })).status).toBe(404);
  });
});

describe("root's own settings", () => {
  it('the platform owner can edit root’s name, industry, colour and logo; it is audited', async () => {
    const before = await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId: 'root' } });
    try {
      const r = await t.call('PATCH', '/api/admin/tenants/root', { token: owner, body: { businessName: 'Clean Machine Detailing', primaryColor: '#0f766e' } });
      expect(r.status, await r.clone().text()).toBe(200);
      expect((await json<{ tenant: object }>(r)).tenant).toMatchObject({ id: 'root', businessName: 'Clean Machine Detailing', primaryColor: '#0f766e', tier: 'elite', status: 'active' });
      const { rows } = await t.adminSql(`SELECT action, before->>'businessName' AS before, after->>'businessName' AS after FROM audit_log WHERE tenant_id = 'root' ORDER BY id DESC LIMIT 1`);
      expect(rows[0]).toEqual({ action: 'tenant.updated', before: before.businessName, after: 'Clean Machine Detailing' });
    } finally {
      await t.deps.db.tenantConfig.update({ where: { tenantId: 'root' }, data: { businessName: before.businessName, primaryColor: before.primaryColor } });
    }
  });

  it('refuses root’s protected fields (plan, business number) with 403 root_protected naming each, and changes nothing', async () => {
    const r = await t.call('PATCH', '/api/admin/tenants/root', { token: owner, body: { tier: 'starter', phoneNumber: '+19185550111', businessName: 'Also this' } });
    expect(r.status).toBe(403);
    const { error } = await json<ErrorBody>(r);
    expect(error.code).toBe('root_protected');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['phoneNumber', 'tier']);
    expect(error.fields?.phoneNumber).toMatch(/ROOT_PHONE_NUMBER/);
    const { rows } = await t.adminSql(`SELECT c.business_name, c.tier, p.phone_number FROM tenant_config c JOIN tenant_phone_config p USING (tenant_id) WHERE tenant_id = 'root'`);
    expect(rows[0]).toMatchObject({ tier: 'elite', phone_number: t.deps.config.ROOT_PHONE_NUMBER });
    expect(rows[0].business_name).not.toBe('Also this');
    // Root's id and status are not settings at all.
    expect((await t.call('PATCH', '/api/admin/tenants/root', { token: owner, body: { status: 'closed' } })).status).toBe(400);
  });
});

describe('GET /api/admin/audit', () => {
  type Entry = { id: string; at: string; who: string; action: string; what: string; tenantId: string; businessName: string; changes: { field: string; label: string; before: string | null; after: string | null }[] };
  type AuditPage = { entries: Entry[]; nextCursor: string | null };
  const audit = async (query: string) => {
    const r = await t.call('GET', `/api/admin/audit${query}`, { token: owner });
    expect(r.status, await r.clone().text()).toBe(200);
    return json<AuditPage>(r);
  };

  it('lists entries newest first, filtered by tenant and action, paged, each readable: who, what, when, before → after', async () => {
    const { id } = await createTenant(t, owner, 'starter', { withNumber: false });
    await t.call('PATCH', `/api/admin/tenants/${id}`, { token: owner, body: { tier: 'pro' } });
    await t.call('PATCH', `/api/admin/tenants/${id}`, { token: owner, body: { businessName: 'Renamed Co' } });
    await t.call('DELETE', `/api/admin/tenants/${id}`, { token: owner });

    const all = await audit(`?tenantId=${id}`);
    expect(all.entries.map((e) => e.action)).toEqual(['tenant.closed', 'tenant.updated', 'tenant.updated', 'tenant.created']);
    const [closed, renamed, upgraded, created] = all.entries;
    expect(created).toMatchObject({ tenantId: id, businessName: 'Renamed Co', what: 'Created the business', who: expect.stringContaining(ownerEmail) });
    expect(upgraded!.changes).toEqual([{ field: 'tier', label: 'Plan', before: 'Starter', after: 'Pro' }]);
    expect(renamed!.changes).toEqual([{ field: 'businessName', label: 'Business name', before: `Test ${id}`, after: 'Renamed Co' }]);
    expect(closed!.changes).toEqual(expect.arrayContaining([{ field: 'status', label: 'Status', before: 'Trialing', after: 'Closed' }]));
    expect(Date.parse(closed!.at)).toBeGreaterThanOrEqual(Date.parse(created!.at));

    expect((await audit(`?tenantId=${id}&action=tenant.updated`)).entries.map((e) => e.id)).toEqual([renamed!.id, upgraded!.id]);
    const first = await audit(`?tenantId=${id}&limit=3`);
    expect(first.entries.map((e) => e.id)).toEqual([closed!.id, renamed!.id, upgraded!.id]);
    const second = await audit(`?tenantId=${id}&limit=3&cursor=${first.nextCursor}`);
    expect(second.entries.map((e) => e.id)).toEqual([created!.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('names automatic entries as ServicePro, and refuses bad filters with 400 and everyone but the platform owner with 403', async () => {
    const id = uniqueId('auto');
    await registryRow(t.deps.db, { id, businessName: 'Auto Co', status: 'closed' });
    await t.deps.db.auditLog.create({ data: { tenantId: id, action: 'tenant.purged', after: { finalExportId: 'x', deleted: { customers: 3 } } } });
    const [entry] = (await audit(`?tenantId=${id}`)).entries;
    expect(entry).toMatchObject({ who: 'ServicePro (automatic)', what: expect.stringMatching(/retention window/) });

    for (const query of ['?cursor=abc', '?limit=0', '?tenantId=Bad%20Id!', `?action=${'x'.repeat(100)}`]) {
      expect((await t.call('GET', `/api/admin/audit${query}`, { token: owner })).status, query).toBe(400);
    }
    expect((await t.call('GET', '/api/admin/audit', { token: await t.memberToken(id, 'owner') })).status).toBe(403);
    expect((await t.call('GET', '/api/admin/audit')).status).toBe(401);
  });
});
