// The isolation suite: two tenants in one real Postgres with row-level security on; the app
// connects as the RLS-bound role, exactly as in production. Nothing may cross.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack, uniqueId } from '../tests/stack.ts';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { forTenant, TENANT_OWNED_MODELS, type TenantDb } from './tenant-db.ts';

let db: PrismaClient;
let admin: pg.Client;
let a: TenantDb;
let b: TenantDb;
const A = uniqueId('iso-a');
const B = uniqueId('iso-b');

async function rlsError(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, 'expected the database to refuse').not.toBeNull();
  return String((error as Error).message) + JSON.stringify(error);
}

beforeAll(async () => {
  const stack = testStack();
  db = createPrismaClient(stack.appDatabaseUrl);
  admin = new pg.Client({ connectionString: stack.adminDatabaseUrl });
  await admin.connect();
  for (const id of [A, B]) {
    await db.tenant.create({ data: { id, slug: id, config: { create: { businessName: `Biz ${id}` } } } });
  }
  a = forTenant(db, A);
  b = forTenant(db, B);
  await a.customer.create({ data: { name: 'Alice A', phone: '+15550000001', vehicles: { create: [{ description: 'Blue truck' }] } } });
  await a.customer.create({ data: { name: 'Aaron A', phone: '+15550000002' } });
  await b.customer.create({ data: { name: 'Bob B', phone: '+15550000001', vehicles: { create: [{ description: 'Red sedan' }, { description: 'Boat' }] } } });
});

afterAll(async () => {
  await admin?.end();
  await db?.$disconnect();
});

describe('tenant isolation', () => {
  it('the app connects as a role that cannot bypass row-level security', async () => {
    const [role] = await db.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }[]>`
      SELECT r.rolsuper, r.rolbypassrls, current_user::text AS current_user FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, current_user: 'servicepro_app' });
  });

  it('every table with tenant rows, except the platform registry, has RLS enabled and forced', async () => {
    const platformTables = ['tenant_config', 'tenant_phone_config', 'memberships', 'audit_log', 'tenant_billing', 'stripe_events', 'data_exports', 'billing_invoices', 'invites', 'call_events', 'tenant_sites', 'carrier_registrations', 'platform_text_routes', 'phone_number_orders', 'booking_settings'];
    const { rows } = await admin.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname <> ALL($1)`,
      [platformTables],
    );
    expect(rows).toHaveLength(TENANT_OWNED_MODELS.size);
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('findMany returns only the tenant’s own rows', async () => {
    expect((await a.customer.findMany()).map((c) => c.name).sort()).toEqual(['Aaron A', 'Alice A']);
    expect((await b.customer.findMany()).map((c) => c.name)).toEqual(['Bob B']);
  });

  it('findUnique by another tenant’s id returns null', async () => {
    const bob = (await b.customer.findFirstOrThrow()).id;
    expect(await a.customer.findUnique({ where: { id: bob } })).toBeNull();
  });

  it('findFirst with an explicit other-tenant filter returns nothing', async () => {
    expect(await a.customer.findFirst({ where: { tenantId: B } })).toBeNull();
  });

  it('count sees only the tenant’s rows', async () => {
    expect(await a.customer.count()).toBe(2);
    expect(await b.vehicle.count()).toBe(2);
  });

  it('aggregate and groupBy see only the tenant’s rows', async () => {
    const agg = await a.vehicle.aggregate({ _count: { _all: true } });
    expect(agg._count._all).toBe(1);
    const groups = await b.vehicle.groupBy({ by: ['tenantId'], _count: { _all: true } });
    expect(groups).toEqual([{ tenantId: B, _count: { _all: 2 } }]);
  });

  it('updateMany cannot touch another tenant’s rows', async () => {
    const result = await a.customer.updateMany({ where: { name: 'Bob B' }, data: { notes: 'hijacked' } });
    expect(result.count).toBe(0);
    const { rows } = await admin.query(`SELECT notes FROM customers WHERE tenant_id = $1`, [B]);
    expect(rows[0].notes).toBeNull();
  });

  it('update of another tenant’s row by id fails as not found', async () => {
    const bob = (await b.customer.findFirstOrThrow()).id;
    await expect(a.customer.update({ where: { id: bob }, data: { notes: 'x' } })).rejects.toThrow();
  });

  it('deleteMany and delete cannot remove another tenant’s rows', async () => {
    expect((await a.customer.deleteMany({ where: { name: 'Bob B' } })).count).toBe(0);
    const bob = (await b.customer.findFirstOrThrow()).id;
    await expect(a.customer.delete({ where: { id: bob } })).rejects.toThrow();
    expect(await b.customer.count()).toBe(1);
  });

  it('upsert on another tenant’s unique key creates in its own tenant, leaving the other untouched', async () => {
    // Both tenants have a customer with phone +15550000001; the key is (tenant, phone).
    const up = await a.customer.upsert({
      where: { tenantId_phone: { tenantId: A, phone: '+15550000001' } },
      update: { notes: 'vip' },
      create: { name: 'never', phone: '+15550000001' },
    });
    expect(up.tenantId).toBe(A);
    expect((await b.customer.findFirstOrThrow()).notes).toBeNull();
  });

  it('upsert naming the other tenant in its key cannot reach or create there', async () => {
    await expect(
      a.customer.upsert({
        where: { tenantId_phone: { tenantId: B, phone: '+15550000001' } },
        update: { notes: 'stolen' },
        create: { name: 'Sneaky', phone: '+15550009999', tenantId: B },
      }),
    ).rejects.toThrow();
    expect((await b.customer.findFirstOrThrow()).notes).toBeNull();
  });

  it('nested writes fill tenant_id from the transaction’s tenant', async () => {
    const c = await b.customer.create({ data: { name: 'Nested', vehicles: { create: { description: 'Van' } } }, include: { vehicles: true } });
    expect(c.tenantId).toBe(B);
    expect(c.vehicles[0]?.tenantId).toBe(B);
    await b.customer.delete({ where: { id: c.id } });
  });

  it('a nested read through a relation never shows another tenant’s children', async () => {
    const withVehicles = await a.customer.findMany({ include: { vehicles: true } });
    expect(withVehicles.flatMap((c) => c.vehicles).map((v) => v.description)).toEqual(['Blue truck']);
  });

  it('a vehicle cannot be attached to another tenant’s customer', async () => {
    const bob = (await b.customer.findFirstOrThrow()).id;
    await expect(a.vehicle.create({ data: { customerId: bob, description: 'Stowaway' } })).rejects.toThrow();
  });

  it('an insert naming another tenant’s id is refused by row-level security (42501)', async () => {
    const message = await rlsError(a.customer.create({ data: { name: 'Intruder', tenantId: B } }));
    expect(message).toMatch(/row-level security|42501/);
  });

  it('createMany naming another tenant is refused as a whole', async () => {
    await expect(a.customer.createMany({ data: [{ name: 'ok' }, { name: 'bad', tenantId: B }] })).rejects.toThrow();
    expect(await a.customer.count({ where: { name: 'ok' } })).toBe(0);
  });

  it('raw SQL without a tenant filter sees only the tenant’s rows', async () => {
    const rows = await a.$queryRaw<{ name: string }[]>`SELECT name FROM customers ORDER BY name`;
    expect(rows.map((r) => r.name)).toEqual(['Aaron A', 'Alice A']);
  });

  it('raw UPDATE without a tenant filter changes only the tenant’s rows', async () => {
    const changed = await b.$executeRaw`UPDATE customers SET notes = 'touched by B'`;
    expect(changed).toBe(1);
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND notes = 'touched by B'`, [A]);
    expect(rows[0].n).toBe(0);
  });

  it('a query that forgets its tenant entirely returns nothing', async () => {
    expect(await db.customer.findMany()).toEqual([]);
    expect(await db.$queryRaw<unknown[]>`SELECT * FROM vehicles`).toEqual([]);
  });

  it('a forgotten tenant cannot insert either', async () => {
    await expect(db.customer.create({ data: { name: 'Orphan' } })).rejects.toThrow();
  });

  it('the tenant setting does not leak to the next query on a pooled connection', async () => {
    await a.customer.count();
    expect(await db.customer.count()).toBe(0);
  });

  it('an interactive transaction stays in its tenant and rolls back on error', async () => {
    await expect(
      a.transaction(async (tx) => {
        await tx.customer.create({ data: { name: 'Temp' } });
        expect(await tx.customer.count()).toBe(3);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await a.customer.count({ where: { name: 'Temp' } })).toBe(0);
    const names = await a.transaction(async (tx) => (await tx.$queryRaw<{ name: string }[]>`SELECT name FROM customers`).map((r) => r.name));
    expect(names.sort()).toEqual(['Aaron A', 'Alice A']);
  });

  it('a tenant client used inside a transaction() (another client for the same tenant, or the same one instead of tx) still sees its rows', async () => {
    const other = forTenant(db, A);
    const seen = await a.transaction(async (tx) => ({
      tx: await tx.customer.count(),
      other: await other.customer.count(),
      same: await a.customer.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
      otherTenant: await b.customer.count(),
    }));
    expect(seen).toEqual({ tx: 2, other: 2, same: [{ name: 'Aaron A' }, { name: 'Alice A' }], otherTenant: 1 });
    // …and the transaction's own client stays confined to its tenant.
    const bob = (await b.customer.findFirstOrThrow()).id;
    expect(await a.transaction((tx) => tx.customer.findUnique({ where: { id: bob } }))).toBeNull();
    expect(await a.transaction((tx) => tx.customer.updateMany({ where: {}, data: { notes: 'tx touched' } }))).toEqual({ count: 2 });
    expect(await b.customer.count({ where: { notes: 'tx touched' } })).toBe(0);
  });

  it('concurrent requests for two tenants, interleaved, never see each other', async () => {
    const rounds = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).customer.findMany({ select: { tenantId: true } }).then((rows) => ({ expected: i % 2 === 0 ? A : B, rows }))),
    );
    for (const { expected, rows } of rounds) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.tenantId === expected)).toBe(true);
    }
  });

  it("voicemail audio: another tenant neither reads a recording (not even by raw SQL) nor files one under this tenant's voicemail", async () => {
    const voicemail = await a.voicemail.create({ data: { callSid: 'CA-iso', recordingSid: 'RE-iso', recordingUrl: '', fromNumber: '+15550000001' } });
    await a.voicemailAudio.create({ data: { voicemailId: voicemail.id, contentType: 'audio/x-wav', sizeBytes: 4, sha256: 'x', data: new Uint8Array([82, 73, 70, 70]) } });
    expect(await b.voicemailAudio.findUnique({ where: { voicemailId: voicemail.id } })).toBeNull();
    expect(await b.transaction((tx) => tx.$queryRaw<unknown[]>`SELECT voicemail_id FROM voicemail_audio`)).toEqual([]);
    expect(await db.voicemailAudio.findMany({ where: { voicemailId: voicemail.id } })).toEqual([]); // no tenant set: nothing
    // A second copy for the same voicemail from the other tenant is refused (its key is taken, and the row is not b's).
    await rlsError(b.voicemailAudio.create({ data: { voicemailId: voicemail.id, contentType: 'audio/x-wav', sizeBytes: 1, sha256: 'y', data: new Uint8Array([0]) } }));
    expect((await a.voicemailAudio.findUniqueOrThrow({ where: { voicemailId: voicemail.id } })).sha256).toBe('x');
  });

  it('concurrent interactive transactions for two tenants stay apart', async () => {
    const [seenA, seenB] = await Promise.all([
      a.transaction(async (tx) => { await new Promise((r) => setTimeout(r, 30)); return tx.$queryRaw<{ t: string }[]>`SELECT DISTINCT tenant_id AS t FROM customers`; }),
      b.transaction(async (tx) => tx.$queryRaw<{ t: string }[]>`SELECT DISTINCT tenant_id AS t FROM customers`),
    ]);
    expect(seenA).toEqual([{ t: A }]);
    expect(seenB).toEqual([{ t: B }]);
  });
});
