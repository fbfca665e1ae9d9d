// The export workflow with real Temporal and Postgres: counting → writing (progress signalled by
// the activity) → complete → announce → ready, and a failed write recorded as failed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportActivities } from '../activities/export.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { seedExportTenant } from '../tests/export-fixtures.ts';
import { readZip } from '../tests/export-zip.ts';
import { uniqueId } from '../tests/stack.ts';
import { withTestWorker } from '../tests/test-worker.ts';
import { requestExport } from '../api/exports/tenant-exports.ts';
import { workflowBundle } from '../workers/worker.ts';
import { exportProgressQuery } from './export.messages.ts';
import { tenantExport } from './export.ts';

let t: TestApp;
let storageDir: string;
beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'exports-wf-'));
  t = await createTestApp({ fakes: ['twilio'], env: { EXPORT_STORAGE_DIR: storageDir } });
});
afterAll(async () => {
  await t?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

/** A worker of its own on a fresh task queue, with the export activities given (the rest of the stack is real). */
const withWorker = async <T,>(activities: object, run: (taskQueue: string) => Promise<T>) =>
  withTestWorker({ activities, workflows: { workflowBundle: await workflowBundle() }, taskQueue: uniqueId('tq-export') }, run);

describe('tenantExport', () => {
  it('a suspended tenant: counting → writing → ready at 100 %, the zip recorded, progress signalled, the owner told', async () => {
    const tenant = await seedExportTenant(t.deps.db, { prefix: 'wfexp', customers: 120, status: 'suspended' });
    // Small pages so the writing takes several steps and signals its progress.
    const activities = createExportActivities(t.deps, { pageSize: 10 });
    await withWorker(activities, async (taskQueue) => {
      const started = await requestExport({ ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: taskQueue } }, { tenantId: tenant.tenantId, reason: 'owner', requestedBy: null });
      expect(started).toMatchObject({ status: 'running', progress: { status: 'counting', percent: 0 }, downloadUrl: null });
      const handle = t.deps.temporal.workflow.getHandle<typeof tenantExport>(workflowIds.export(tenant.tenantId, started.id));
      const result = await handle.result();

      expect(result).toMatchObject({ exportId: started.id, fileName: `${tenant.tenantId}/${started.id}.zip`, announced: true });
      expect(result.rowCounts).toMatchObject({ customers: 120, settings: 1 });
      const total = Object.values(result.rowCounts).reduce((s, n) => s + n, 0);
      expect(await handle.query(exportProgressQuery)).toEqual({ status: 'ready', entity: null, rowsDone: total, rowsTotal: total, percent: 100 });

      const row = await t.deps.db.dataExport.findUniqueOrThrow({ where: { id: started.id } });
      expect(row).toMatchObject({ status: 'ready', fileName: result.fileName, sizeBytes: BigInt(result.sizeBytes), rowCounts: result.rowCounts });
      expect((await readZip(path.join(storageDir, result.fileName))).has('customers.csv')).toBe(true);

      const description = await handle.describe();
      expect(description.searchAttributes.TenantId).toEqual([tenant.tenantId]);
      const signals = (await handle.fetchHistory()).events?.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'exportProgress') ?? [];
      expect(signals.length).toBeGreaterThan(0);
      expect(await forTenant(t.deps.db, tenant.tenantId).emailMessage.count({ where: { idempotencyKey: { startsWith: `export:${started.id}:announce:` } } })).toBe(1);
    });
  });

  it('a write that fails for good: the record says failed with the reason, the progress says failed, the workflow fails', async () => {
    const tenant = await seedExportTenant(t.deps.db, { prefix: 'wffail', customers: 10 });
    const activities = {
      ...createExportActivities(t.deps),
      writeExportArchive: async () => {
        throw ApplicationFailure.nonRetryable('No space left on the export volume', 'DiskFull');
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const { exportId } = await activities.createExportRecord({ tenantId: tenant.tenantId, reason: 'owner' });
      const handle = await t.deps.temporal.workflow.start(tenantExport, { workflowId: workflowIds.export(tenant.tenantId, exportId), taskQueue, args: [{ tenantId: tenant.tenantId, exportId, reason: 'owner' }] });
      await expect(handle.result()).rejects.toThrow();
      expect(await handle.query(exportProgressQuery)).toMatchObject({ status: 'failed' });
      expect(await t.deps.db.dataExport.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({ status: 'failed', error: expect.stringContaining('No space left') });
    });
  });
});
