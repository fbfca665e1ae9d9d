import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { replayRecorded } from '../tests/replay.ts';
import { uniqueId } from '../tests/stack.ts';
import { queryBillingState, reconcileBillingWorkflows, signalTenantClosed, signalTierChanged, startTenantBilling } from '../workers/client/tenant-billing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('billing:<tenantId> workflow', () => {
  it('holds tier and status, answers queries, and keeps search attributes current', async () => {
    const id = uniqueId('bill');
    await startTenantBilling(t.deps.temporal, t.taskQueue, { id, tier: 'starter', status: 'trialing' });
    await startTenantBilling(t.deps.temporal, t.taskQueue, { id, tier: 'elite', status: 'active' }); // no second run
    expect(await queryBillingState(t.deps.temporal, id)).toEqual({ tenantId: id, tier: 'starter', status: 'trialing', changes: 0 });

    await signalTierChanged(t.deps.temporal, id, 'pro');
    await signalTenantClosed(t.deps.temporal, id);
    await expect.poll(() => queryBillingState(t.deps.temporal, id)).toMatchObject({ tier: 'pro', status: 'closed', changes: 2 });
    await expect
      .poll(async () => (await t.deps.temporal.workflow.getHandle(workflowIds.billing(id)).describe()).searchAttributes)
      .toMatchObject({ TenantId: [id], TenantTier: ['pro'], TenantStatus: ['closed'] });

    await expect.poll(async () => {
      const ids = [];
      for await (const execution of t.deps.temporal.workflow.list({ query: `TenantId = '${id}'` })) ids.push(execution.workflowId);
      return ids;
    }).toEqual([workflowIds.billing(id)]);
  });

  it('continues as new before its history grows large, carrying its state', async () => {
    const id = uniqueId('long');
    await startTenantBilling(t.deps.temporal, t.taskQueue, { id, tier: 'starter', status: 'active' });
    const handle = t.deps.temporal.workflow.getHandle(workflowIds.billing(id));
    const firstRun = (await handle.describe()).runId;
    const tiers = ['pro', 'elite', 'starter'] as const;
    for (let i = 0; i < 45; i++) await signalTierChanged(t.deps.temporal, id, tiers[i % 3]!);
    await expect.poll(async () => (await handle.describe()).runId, { timeout: 20_000 }).not.toBe(firstRun);
    await expect.poll(() => queryBillingState(t.deps.temporal, id), { timeout: 20_000 }).toMatchObject({ changes: 45, tier: 'starter' });
  });

  it('reconciliation starts a missing billing workflow and corrects a stale tier', async () => {
    const missing = uniqueId('missing');
    const stale = uniqueId('stale');
    for (const id of [missing, stale]) await t.deps.db.tenant.create({ data: { id, slug: id, config: { create: { businessName: id, tier: 'elite' } } } });
    await startTenantBilling(t.deps.temporal, t.taskQueue, { id: stale, tier: 'starter', status: 'trialing' });
    const failures: string[] = [];
    const result = await reconcileBillingWorkflows(t.deps.db, t.deps.temporal, t.taskQueue, { perTenantMs: 2_000, onError: (id) => failures.push(id) });
    expect(result.corrected).toBeGreaterThanOrEqual(1);
    expect(failures).not.toContain(missing);
    expect(failures).not.toContain(stale);
    expect(await queryBillingState(t.deps.temporal, missing)).toMatchObject({ tier: 'elite' });
    await expect.poll(() => queryBillingState(t.deps.temporal, stale)).toMatchObject({ tier: 'elite' });
  });

  it('a business still onboarding, rolled back or abandoned gets no billing workflow from reconciliation (it has no plan yet)', async () => {
    const ids = (['onboarding', 'failed', 'expired'] as const).map((status) => ({ id: uniqueId(`unbilled-${status}`), status }));
    for (const { id, status } of ids) await t.deps.db.tenant.create({ data: { id, slug: id, config: { create: { businessName: id, tier: 'pro', status } } } });
    await reconcileBillingWorkflows(t.deps.db, t.deps.temporal, t.taskQueue, { perTenantMs: 2_000 });
    for (const { id } of ids) {
      await expect(t.deps.temporal.workflow.getHandle(workflowIds.billing(id)).describe()).rejects.toThrow(/not found/i);
    }
  });

  it('a reopening the workflow missed (Temporal was down) is caught up by reconciliation: closed → suspended', async () => {
    const id = uniqueId('reopened');
    await t.deps.db.tenant.create({ data: { id, slug: id, config: { create: { businessName: id, tier: 'pro', status: 'suspended' } } } });
    await startTenantBilling(t.deps.temporal, t.taskQueue, { id, tier: 'pro', status: 'active' });
    await signalTenantClosed(t.deps.temporal, id);
    await expect.poll(async () => (await t.deps.temporal.workflow.getHandle(workflowIds.billing(id)).describe()).searchAttributes.TenantStatus).toEqual(['closed']);
    await reconcileBillingWorkflows(t.deps.db, t.deps.temporal, t.taskQueue, { perTenantMs: 2_000 });
    await expect.poll(() => queryBillingState(t.deps.temporal, id)).toMatchObject({ status: 'suspended' });
  });

  it('replays a recorded history deterministically', async () => {
    await replayRecorded('billing-tier-change-close.json', 'billing:recorded');
  });
});
