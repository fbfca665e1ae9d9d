// The export as an owner gets it: the record, then `tenantExport` through Temporal on the real
// worker process (its own process, as deployed), until the workflow returns. The memory measured
// is the worker's, reset before the run so each run's peak is its own.
import type { Client } from '@temporalio/client';
import { createExportActivities } from '../activities/export.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { tenantExport } from '../workflows/export.ts';
import { TenantIdKey } from '../workflows/search-attributes.ts';
import { processCpuMs } from './export-cpu.ts';
import { resetPeakRss, rssOf } from './export-process.ts';

export interface EndToEndRun {
  ms: number;
  /** CPU the worker process used meanwhile (all its threads), ms. */
  cpuMs: number;
  exportId: string;
  sizeBytes: number;
  rowCounts: Record<string, number>;
  /** The worker's peak RSS during this run (MB); over its life so far when the mark could not be reset. */
  peakRssMb: number;
  /** The worker's RSS just before the run (MB). */
  idleRssMb: number;
}

export async function runEndToEndExport(client: Client, options: { deps: ActivityDeps; tenantId: string; taskQueue: string; workerPid: number }): Promise<EndToEndRun> {
  const { tenantId, workerPid } = options;
  await resetPeakRss(workerPid);
  const { rssMb: idleRssMb } = await rssOf(workerPid);
  const cpu0 = await processCpuMs(workerPid);
  const t0 = performance.now();
  // As the API does it: the record first (the export page lists it at once), then the workflow.
  const { exportId } = await createExportActivities(options.deps).createExportRecord({ tenantId, reason: 'owner' });
  const result = await client.workflow.execute(tenantExport, {
    workflowId: workflowIds.export(tenantId, exportId),
    taskQueue: options.taskQueue,
    args: [{ tenantId, exportId, reason: 'owner' }],
    typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
  });
  const ms = performance.now() - t0;
  const cpuMs = (await processCpuMs(workerPid)) - cpu0;
  const { peakRssMb } = await rssOf(workerPid);
  return { ms, cpuMs, exportId, sizeBytes: result.sizeBytes, rowCounts: result.rowCounts, peakRssMb, idleRssMb };
}
