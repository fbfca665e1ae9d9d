import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { uniqueId } from '../../tests/stack.ts';
import { industryPack } from '../../domain/industry-packs/index.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { queryBillingState } from '../../workers/client/tenant-billing.ts';

let t: TestApp;
let owner: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const json = async <T = Record<string, unknown>>(r: Response) => (await r.json()) as T;
const rowsFor = async (id: string) => {
  const { rows } = await t.adminSql(
    `SELECT (SELECT count(*) FROM tenants WHERE id = $1)::int AS tenants,
            (SELECT count(*) FROM tenant_config WHERE tenant_id = $1)::int AS configs,
            (SELECT count(*) FROM tenant_phone_config WHERE tenant_id = $1)::int AS phones,
            (SELECT count(*) FROM audit_log WHERE tenant_id = $1)::int AS audits`,
    [id],
  );
  return rows[0];
};

describe('GET /api/admin/tenants', () => {
  it('lists root first as the elite flagship', async () => {
    const r = await t.call('GET', '/api/admin/tenants', { token: owner });
    expect(r.status).toBe(200);
    const { tenants } = await json<{ tenants: { id: string; tier: string; isRoot: boolean; businessName: string; phoneNumber: string }[] }>(r);
    expect(tenants[0]).toMatchObject({ id: 'root', tier: 'elite', isRoot: true, businessName: 'Clean Machine Auto Detail', phoneNumber: '+19185550100' });
  });

  it('401 without a token, 401 with a forged one', async () => {
    const none = await t.call('GET', '/api/admin/tenants');
    expect(none.status).toBe(401);
    expect((await json<ErrorBody>(none)).error.code).toBe('unauthenticated');
    expect((await t.call('GET', '/api/admin/tenants', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.bad' })).status).toBe(401);
  });

  it('403 for a staff user and for an owner of another tenant', async () => {
    const staff = await t.memberToken('root', 'staff');
    const r = await t.call('GET', '/api/admin/tenants', { token: staff });
    expect(r.status).toBe(403);
    expect((await json<ErrorBody>(r)).error.code).toBe('forbidden');

    const id = uniqueId('other');
    await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Other Co', tier: 'starter' } });
    const otherOwner = await t.memberToken(id, 'owner');
    expect((await t.call('POST', '/api/admin/tenants', { token: otherOwner, body: { businessName: 'x', tier: 'pro' } })).status).toBe(403);
  });
});

describe('POST /api/admin/tenants', () => {
  it('creates tenant, config and phone config, audits it, and starts billing:<id>', async () => {
    const id = uniqueId('sparkle');
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Sparkle Detailing', tier: 'pro', phoneNumber: '(918) 555-0142' } });
    expect(r.status).toBe(201);
    const { tenant } = await json<{ tenant: Record<string, unknown> }>(r);
    expect(tenant).toMatchObject({ id, businessName: 'Sparkle Detailing', tier: 'pro', status: 'trialing', phoneNumber: '+19185550142', ivrMode: 'ivr', isRoot: false });
    expect(String(tenant.temporalUiUrl)).toContain(encodeURIComponent(`TenantId="${id}"`));
    expect(await rowsFor(id)).toEqual({ tenants: 1, configs: 1, phones: 1, audits: 1 });

    const state = await queryBillingState(t.deps.temporal, id);
    expect(state).toMatchObject({ tenantId: id, tier: 'pro', status: 'trialing' });
    const description = await t.deps.temporal.workflow.getHandle(workflowIds.billing(id)).describe();
    expect(description.searchAttributes.TenantId).toEqual([id]);
  });

  it('generates an id from the business name when none is given', async () => {
    const name = `Lawn Pros ${uniqueId('x')}`;
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { businessName: name, tier: 'starter' } });
    expect(r.status).toBe(201);
    expect((await json<{ tenant: { id: string } }>(r)).tenant.id).toMatch(/^lawn-pros-x-/);
  });

  it('400 naming the field for a missing business name or an unknown tier', async () => {
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { tier: 'platinum' } });
    expect(r.status).toBe(400);
    const { error } = await json<ErrorBody>(r);
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.businessName).toMatch(/Business name is required/);
    expect(error.fields?.tier).toMatch(/starter, pro, elite/);
  });

  it('400 for a bad phone number, a bad id and unknown fields', async () => {
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { id: 'Bad Id!', businessName: 'X', tier: 'pro', phoneNumber: '12345', color: 'red' } });
    expect(r.status).toBe(400);
    const { error } = await json<ErrorBody>(r);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['_', 'id', 'phoneNumber']);
  });

  it("the industry is one of the packs' trades: a house cleaner is accepted, the retired 'cleaning' is refused naming the choices", async () => {
    const id = uniqueId('cleaner');
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Tidy Homes', tier: 'pro', industry: 'house-cleaning' } });
    expect(r.status, await r.clone().text()).toBe(201);
    expect((await json<{ tenant: object }>(r)).tenant).toMatchObject({ industry: 'house-cleaning' });
    const retired = await t.call('POST', '/api/admin/tenants', { token: owner, body: { businessName: 'Tidy Homes', tier: 'pro', industry: 'cleaning' } });
    expect(retired.status).toBe(400);
    expect((await json<ErrorBody>(retired)).error.fields?.industry).toMatch(/house-cleaning.*pool-service.*other/);
  });

  it("a new business can take bookings: one resource (Team), and its trade's services when it has a trade", async () => {
    const id = uniqueId('bookable');
    expect((await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Green Lawns', tier: 'pro', industry: 'lawn-care' } })).status).toBe(201);
    const tdb = forTenant(t.deps.db, id);
    expect(await tdb.resource.findMany({ select: { name: true } })).toEqual([{ name: 'Team' }]);
    expect((await tdb.service.findMany({ orderBy: { sortOrder: 'asc' }, select: { name: true } })).map((s) => s.name)).toEqual(industryPack('lawn-care').services.map((s) => s.name));
    const plain = uniqueId('bookable');
    expect((await t.call('POST', '/api/admin/tenants', { token: owner, body: { id: plain, businessName: 'Plain Co', tier: 'starter' } })).status).toBe(201);
    expect(await forTenant(t.deps.db, plain).resource.count()).toBe(1);
    expect(await forTenant(t.deps.db, plain).service.count()).toBe(0);
  });

  it('400 with a message for a body that is not JSON', async () => {
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: '{"businessName": ', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect((await json<ErrorBody>(r)).error.message).toBeTruthy();
  });

  it('409 for a duplicate id, and a failed create leaves no partial rows', async () => {
    const id = uniqueId('dup');
    expect((await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'First', tier: 'pro' } })).status).toBe(201);
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Second', tier: 'elite' } });
    expect(r.status).toBe(409);
    expect((await json<ErrorBody>(r)).error.fields).toHaveProperty('id');
    const { rows } = await t.adminSql('SELECT business_name FROM tenant_config WHERE tenant_id = $1', [id]);
    expect(rows).toEqual([{ business_name: 'First' }]);
  });

  it('409 for a phone number another tenant has, with nothing half-written', async () => {
    const id = uniqueId('phone-clash');
    const r = await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Clash', tier: 'pro', phoneNumber: '+19185550100' } });
    expect(r.status).toBe(409);
    expect((await json<ErrorBody>(r)).error.fields).toHaveProperty('phoneNumber');
    expect(await rowsFor(id)).toEqual({ tenants: 0, configs: 0, phones: 0, audits: 0 });
  });
});

describe('PATCH and DELETE /api/admin/tenants/:id', () => {
  it('PATCH changes only the fields given, audits, and tells the billing workflow of a tier change', async () => {
    const id = uniqueId('patch');
    await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Before', tier: 'starter', industry: 'lawn-care' } });
    const r = await t.call('PATCH', `/api/admin/tenants/${id}`, { token: owner, body: { tier: 'elite' } });
    expect(r.status).toBe(200);
    expect((await json<{ tenant: object }>(r)).tenant).toMatchObject({ businessName: 'Before', industry: 'lawn-care', tier: 'elite' });
    const { rows } = await t.adminSql(`SELECT action, before->>'tier' AS before, after->>'tier' AS after FROM audit_log WHERE tenant_id = $1 ORDER BY id`, [id]);
    expect(rows.at(-1)).toEqual({ action: 'tenant.updated', before: 'starter', after: 'elite' });
    await expect.poll(async () => (await queryBillingState(t.deps.temporal, id)).tier).toBe('elite');
  });

  it("PATCH refuses a business number equal to the tenant's forwarding or owner number (calls and alerts would loop), with nothing changed", async () => {
    const id = uniqueId('loop');
    const number = `+1918556${String(1000 + Math.floor(Math.random() * 8999))}`;
    const forwarding = `+1918554${String(1000 + Math.floor(Math.random() * 8999))}`;
    expect((await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Loop', tier: 'pro', phoneNumber: number } })).status).toBe(201);
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: id }, data: { forwardingNumber: forwarding, ownerNotifyPhone: forwarding } });
    const r = await t.call('PATCH', `/api/admin/tenants/${id}`, { token: owner, body: { phoneNumber: forwarding } });
    expect(r.status).toBe(400);
    expect((await json<ErrorBody>(r)).error.fields).toEqual({ phoneNumber: "This is the business's forwarding number: calls to it would be forwarded to itself. Change the forwarding number in Phone settings first." });
    expect((await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: id } })).phoneNumber).toBe(number);
  });

  it('PATCH with nothing to change is a 400; PATCH of an unknown tenant is a 404', async () => {
    const id = uniqueId('empty');
    await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'E', tier: 'pro' } });
    expect((await t.call('PATCH', `/api/admin/tenants/${id}`, { token: owner, body: {} })).status).toBe(400);
    expect((await t.call('PATCH', `/api/admin/tenants/nobody-here`, { token: owner, body: { tier: 'pro' } })).status).toBe(404);
  });

  it('root’s protected fields cannot be modified, and root cannot be deleted: 403', async () => {
    // Root's own settings (name, colours) can be edited since the console (api/admin/console.test.ts); its plan cannot.
    const patch = await t.call('PATCH', '/api/admin/tenants/root', { token: owner, body: { tier: 'starter' } });
    expect(patch.status).toBe(403);
    expect((await json<ErrorBody>(patch)).error.code).toBe('root_protected');
    expect((await t.call('DELETE', '/api/admin/tenants/root', { token: owner })).status).toBe(403);
    const { rows } = await t.adminSql(`SELECT business_name, status FROM tenant_config WHERE tenant_id = 'root'`);
    expect(rows).toEqual([{ business_name: 'Clean Machine Auto Detail', status: 'active' }]);
  });

  it('DELETE closes the tenant: hidden from the default list, every row kept, billing told', async () => {
    const id = uniqueId('closing');
    await t.call('POST', '/api/admin/tenants', { token: owner, body: { id, businessName: 'Closing Co', tier: 'pro', phoneNumber: '+19185550177' } });
    const r = await t.call('DELETE', `/api/admin/tenants/${id}`, { token: owner });
    expect(r.status).toBe(200);
    expect((await json<{ tenant: object }>(r)).tenant).toMatchObject({ id, status: 'closed' });

    const listed = async (query: string) => (await json<{ tenants: { id: string }[] }>(await t.call('GET', `/api/admin/tenants${query}`, { token: owner }))).tenants.map((x) => x.id);
    expect(await listed('')).not.toContain(id);
    expect(await listed('?includeClosed=true')).toContain(id);
    expect(await rowsFor(id)).toMatchObject({ tenants: 1, configs: 1, phones: 1 });
    await expect.poll(async () => (await queryBillingState(t.deps.temporal, id)).status).toBe('closed');
  });
});
