import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetentionActivities } from '../activities/retention.ts';
import { exportStorageDir } from '../domain/export-links.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../tests/replay.ts';
import { billingFixtures } from '../tests/billing-fixtures.ts';
import { uniqueId } from '../tests/stack.ts';

const RECORDED = 'billing-retention-purge.json';

// The end of a tenant's billing life: suspended (or closed) → the retention window → a final
// export, announced to the owner → only then the purge. Real Temporal and Postgres; the retention
// window is injected in seconds.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe', 'twilio', 'smtp'] });
});
afterAll(async () => t?.close());

const { durations, startTenant, post, invoice, status } = billingFixtures(() => t);

/** A customer with an asset, a service, a booking, an invoice, a call and a text. */
async function seedBusiness(tenantId: string) {
  const db = forTenant(t.deps.db, tenantId);
  const customer = await db.customer.create({ data: { name: 'Dana Whitfield, "DW"', phone: `+1405${Math.floor(2_000_000 + Math.random() * 7_000_000)}`, vehicles: { create: { description: '2019 Tacoma' } } } });
  const service = await db.service.create({ data: { name: 'Full detail', priceCents: 18_900 } });
  const resource = await db.resource.create({ data: { name: 'Team' } });
  const startsAt = new Date();
  const endsAt = new Date(Date.now() + 3_600_000);
  const booking = await db.booking.create({ data: { customerId: customer.id, serviceId: service.id, resourceId: resource.id, startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, status: 'confirmed', priceCents: 18_900 } });
  await db.invoice.create({ data: { number: uniqueId('INV'), customerId: customer.id, bookingId: booking.id, amountCents: 18_900 } });
  await db.call.create({ data: { callSid: uniqueId('CA'), fromNumber: customer.phone!, toNumber: '+19185550100', startedAt: new Date(), outcome: 'answered', durationSec: 61 } });
  await db.message.create({ data: { direction: 'inbound', idempotencyKey: uniqueId('in'), fromNumber: customer.phone!, toNumber: '+19185550100', body: 'Can you do Friday?', status: 'received' } });
  return customer;
}

async function tenantRowCounts(tenantId: string) {
  const db = forTenant(t.deps.db, tenantId);
  return {
    customers: await db.customer.count(), vehicles: await db.vehicle.count(), services: await db.service.count(), bookings: await db.booking.count(), resources: await db.resource.count(),
    invoices: await db.invoice.count(), calls: await db.call.count(), messages: await db.message.count(), usage: await db.usageCounter.count(),
  };
}
const none = { customers: 0, vehicles: 0, services: 0, bookings: 0, resources: 0, invoices: 0, calls: 0, messages: 0, usage: 0 };

async function billingClosed(tenantId: string) {
  return (await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).describe()).status.name;
}

describe('retention: the end of a billing life', () => {
  it('past due → suspended → retention window → final export, announced → purge; the registry, logins and the export remain', async () => {
    const { tenantId, ownerEmail, customerId, subscriptionId } = await startTenant('active', durations({ graceMs: 1_000, retentionMs: 2_000 }));
    await seedBusiness(tenantId);
    const bystander = await startTenant('active', durations());
    await seedBusiness(bystander.tenantId);

    await post('invoice.payment_failed', invoice(customerId, uniqueId('in'), 'open'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('suspended');
    // Suspended, the data is all still there (and exportable) until the window ends.
    expect((await tenantRowCounts(tenantId)).customers).toBe(1);

    await expect.poll(() => t.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } }).then((x) => x.purgedAt), { timeout: 60_000, interval: 500 }).toBeInstanceOf(Date);
    const finalExport = await t.deps.db.dataExport.findFirstOrThrow({ where: { tenantId, reason: 'final' } });
    expect(finalExport).toMatchObject({ status: 'ready', rowCounts: expect.objectContaining({ customers: 1, bookings: 1, invoices: 1 }) });
    expect(existsSync(path.join(exportStorageDir(t.deps.config), finalExport.fileName!))).toBe(true);
    // Quoted-printable mail: undo the soft line breaks before looking for the link.
    const mailed = t.smtp.received().filter((m) => m.to.includes(ownerEmail)).map((m) => m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    expect(mailed.join('\n')).toContain(`/exports/${tenantId}/${finalExport.id}/download`);

    expect(await tenantRowCounts(tenantId)).toEqual(none);
    expect(await t.deps.db.tenantPhoneConfig.findUnique({ where: { tenantId } })).toBeNull(); // the number is free again
    expect(await t.deps.db.tenantConfig.findUniqueOrThrow({ where: { tenantId } })).toMatchObject({ status: 'suspended' });
    expect(t.stripe.subscription(subscriptionId)!.status).toBe('canceled');
    expect(await t.deps.db.auditLog.findFirst({ where: { tenantId, action: 'tenant.purged' } })).toMatchObject({ after: { finalExportId: finalExport.id } });
    await expect.poll(() => billingClosed(tenantId), { timeout: 10_000 }).toBe('COMPLETED');
    if (recordingHistories) {
      const history = await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).fetchHistory();
      await recordHistory(RECORDED, history);
    }

    // Another tenant's rows are untouched.
    expect((await tenantRowCounts(bystander.tenantId)).customers).toBe(1);
  });

  it('closing through the admin API takes the same path: billing stops at once, the data stays for the window, then final export and purge', async () => {
    const { tenantId, subscriptionId } = await startTenant('active', durations({ retentionMs: 3_000 }));
    await seedBusiness(tenantId);
    const closed = await t.call('DELETE', `/api/admin/tenants/${tenantId}`, { token: await t.ownerToken() });
    expect(closed.status).toBe(200);
    await expect.poll(() => t.stripe.subscription(subscriptionId)!.status, { timeout: 10_000 }).toBe('canceled');
    expect((await tenantRowCounts(tenantId)).customers).toBe(1);

    await expect.poll(() => t.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } }).then((x) => x.purgedAt), { timeout: 60_000, interval: 500 }).toBeInstanceOf(Date);
    expect(await t.deps.db.dataExport.findFirst({ where: { tenantId, reason: 'final', status: 'ready' } })).not.toBeNull();
    expect(await tenantRowCounts(tenantId)).toEqual(none);
  });

  it('a tenant that pays during the window is not purged', async () => {
    const { tenantId, customerId } = await startTenant('active', durations({ graceMs: 500, retentionMs: 4_000 }));
    await seedBusiness(tenantId);
    await post('invoice.payment_failed', invoice(customerId, uniqueId('in'), 'open'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('suspended');
    await post('invoice.paid', invoice(customerId, uniqueId('in'), 'paid'));
    await expect.poll(() => status(tenantId), { timeout: 10_000 }).toBe('active');
    const { retentionEndsAt } = await t.deps.temporal.workflow.getHandle(workflowIds.billing(tenantId)).query<{ retentionEndsAt: string | null }>('billingState');
    expect(retentionEndsAt).toBeNull();
    expect(await t.deps.db.dataExport.count({ where: { tenantId, reason: 'final' } })).toBe(0);
  });

  it('replays a recorded history of suspension → retention → final export → purge deterministically', async () => {
    await replayRecorded(RECORDED, 'billing:recorded-retention');
  });

  it('the purge refuses root, a tenant still in good standing, and any tenant without a ready final export', async () => {
    const purge = createRetentionActivities(t.deps).purgeTenantData;
    await expect(purge({ tenantId: 'root', finalExportId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ type: 'PurgeRefused', message: expect.stringMatching(/root tenant is never purged/) });
    const { tenantId } = await startTenant('active', durations());
    await seedBusiness(tenantId);
    await expect(purge({ tenantId, finalExportId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ message: expect.stringMatching(/only a suspended or closed tenant is purged/) });
    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { status: 'suspended' } });
    const running = await t.deps.db.dataExport.create({ data: { tenantId, reason: 'final' } });
    await expect(purge({ tenantId, finalExportId: running.id })).rejects.toMatchObject({ message: expect.stringMatching(/nothing is deleted without a final export/) });
    expect((await tenantRowCounts(tenantId)).customers).toBe(1);
  });
});
