import { ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '../activities/stripe-client.ts';
import { USAGE_METERS } from '../activities/usage.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { uniqueId } from '../tests/stack.ts';
import { ensureUsageSchedule } from '../workers/client/usage-schedule.ts';
import { periodsToReport } from './usage-periods.ts';
import type { ReportUsageSummary } from './usage.ts';

// reportUsage with real Temporal, Postgres and the Stripe fake at the HTTP boundary; and the
// Temporal Schedule that starts it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe'] });
});
afterAll(async () => t?.close());

const thisMonth = () => new Date().toISOString().slice(0, 7);

async function newTenant(usage: { smsSegments?: number; callSeconds?: number }, options: { knownToStripe: boolean } = { knownToStripe: true }) {
  const tenantId = uniqueId('usagewf');
  await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro' } } } });
  const customerId = options.knownToStripe ? (await createStripeClient(t.deps.config, t.deps.masterKey).customers.create({})).id : `cus_unknown_${tenantId}`;
  await t.deps.db.tenantBilling.create({ data: { tenantId, stripeCustomerId: customerId } });
  const period = thisMonth();
  await forTenant(t.deps.db, tenantId).usageCounter.create({ data: { period, ...usage } });
  return tenantId;
}

const eventSummary = (tenantId: string) =>
  t.stripe
    .meterEvents()
    .filter((e) => String(e.identifier).startsWith(`usage:${tenantId}:`))
    .map((e) => [e.event_name, (e.payload as Record<string, string>).value]);

const runReport = (args: { period?: string } = {}) =>
  t.deps.temporal.workflow.execute('reportUsage', { taskQueue: t.taskQueue, workflowId: uniqueId('usage-report-test'), args: [args] }) as Promise<ReportUsageSummary>;

describe('periodsToReport', () => {
  it('is the current UTC month, and on the 1st also the month before', () => {
    expect(periodsToReport(new Date('2026-03-15T12:00:00Z'))).toEqual(['2026-03']);
    expect(periodsToReport(new Date('2026-03-01T00:30:00Z'))).toEqual(['2026-02', '2026-03']);
    expect(periodsToReport(new Date('2026-01-01T23:59:59Z'))).toEqual(['2025-12', '2026-01']);
    expect(periodsToReport(new Date('2026-03-31T23:59:59Z'))).toEqual(['2026-03']);
  });
});

describe('reportUsage', () => {
  it('reports every billable tenant; one failing tenant does not stop the others; a second run sends nothing new', async () => {
    const a = await newTenant({ smsSegments: 12, callSeconds: 125 });
    const b = await newTenant({ smsSegments: 1 });
    const broken = await newTenant({ smsSegments: 5 }, { knownToStripe: false });

    const first = await runReport({ period: thisMonth() });
    expect(first.periods).toEqual([thisMonth()]);
    expect(first.failed).toContainEqual({ tenantId: broken, period: thisMonth(), error: expect.stringContaining('No such customer') });
    expect(first.failed.map((f) => f.tenantId)).not.toContain(a);
    expect(first.failed.map((f) => f.tenantId)).not.toContain(b);
    expect(eventSummary(a)).toEqual([[USAGE_METERS.smsSegments.eventName, '12'], [USAGE_METERS.callMinutes.eventName, '3']]);
    expect(eventSummary(b)).toEqual([[USAGE_METERS.smsSegments.eventName, '1']]);

    // Other test files add billable tenants meanwhile, so the second run is judged by these tenants' events.
    const second = await runReport({ period: thisMonth() });
    expect(second.failed.map((f) => f.tenantId)).toContain(broken);
    expect(eventSummary(a)).toHaveLength(2);
    expect(eventSummary(b)).toHaveLength(1);
  });
});

describe('the usage schedule', () => {
  it('is created once, takes a new interval, and a triggered run reports usage to Stripe', async () => {
    const scheduleId = uniqueId('usage-report');
    const handle = t.deps.temporal.schedule.getHandle(scheduleId);
    try {
      expect(await ensureUsageSchedule(t.deps.temporal, { taskQueue: t.taskQueue, intervalMinutes: 60, scheduleId })).toEqual({ scheduleId, created: true });
      const created = await handle.describe();
      expect(created.spec.intervals?.map((i) => i.every)).toEqual([60 * 60_000]);
      expect(created.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(created.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reportUsage', taskQueue: t.taskQueue });

      expect(await ensureUsageSchedule(t.deps.temporal, { taskQueue: t.taskQueue, intervalMinutes: 15, scheduleId })).toEqual({ scheduleId, created: false });
      const updated = await handle.describe();
      expect(updated.spec.intervals?.map((i) => i.every)).toEqual([15 * 60_000]);
      expect(updated.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);

      const tenantId = await newTenant({ callSeconds: 59 });
      await handle.trigger();
      await expect.poll(() => eventSummary(tenantId), { timeout: 30_000, interval: 250 }).toEqual([[USAGE_METERS.callMinutes.eventName, '1']]);

      // The run the schedule started completes with a summary.
      await expect.poll(async () => (await handle.describe()).info.recentActions.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const action = (await handle.describe()).info.recentActions[0]!.action;
      const summary = (await t.deps.temporal.workflow.getHandle(action.workflow.workflowId, action.workflow.firstExecutionRunId).result()) as ReportUsageSummary;
      expect(summary.periods).toContain(thisMonth());
      expect(summary.failed.map((f) => f.tenantId)).not.toContain(tenantId);
    } finally {
      await handle.delete().catch(() => {});
    }
  });
});
