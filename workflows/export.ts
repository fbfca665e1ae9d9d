import { ApplicationFailure, log, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ExportActivities } from '../activities/contracts.ts';
import { exportProgressQuery, exportProgressSignal, type ExportProgress, type TenantExportInput, type TenantExportResult } from './export.messages.ts';

// `export:<tenantId>:<exportId>`: one data export of a tenant, from counting the rows to the owner
// holding a download link. Its progress is what the app's progress bar shows.

const quick = proxyActivities<ExportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

// The long one: its heartbeats (about every second) let Temporal notice a dead worker within 30 s
// and hand the archive to another, which rewrites it from the start.
const writer = proxyActivities<ExportActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

const announcer = proxyActivities<ExportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 8 },
});

// Writing is 0–99 %: 100 % only once the file is complete and recorded.
const writingPercent = (rowsDone: number, rowsTotal: number | null) =>
  rowsTotal ? Math.min(99, Math.floor((rowsDone / rowsTotal) * 100)) : 0;

export async function tenantExport(input: TenantExportInput): Promise<TenantExportResult> {
  const { tenantId, exportId, reason } = input;
  const progress: ExportProgress = { status: 'counting', entity: null, rowsDone: 0, rowsTotal: null, percent: 0 };
  setHandler(exportProgressQuery, () => progress);
  setHandler(exportProgressSignal, ({ entity, rowsDone }) => {
    if (progress.status !== 'writing') return; // a late signal must not move a finished bar
    progress.entity = entity;
    progress.rowsDone = rowsDone;
    progress.percent = writingPercent(rowsDone, progress.rowsTotal);
  });

  let written: Omit<TenantExportResult, 'announced' | 'exportId'>;
  try {
    const { total } = await quick.countExportRows({ tenantId });
    Object.assign(progress, { status: 'writing', rowsTotal: total });
    written = await writer.writeExportArchive({ tenantId, exportId });
    await quick.completeExport({ tenantId, exportId, ...written });
  } catch (error) {
    Object.assign(progress, { status: 'failed' });
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    await quick.failExport({ exportId, error: message });
    throw ApplicationFailure.nonRetryable(`export ${exportId} failed: ${message}`, 'ExportFailed');
  }

  // The file is complete and recorded; failing to reach the owner does not undo it (the app
  // shows the export with a fresh link), so it is logged, not thrown.
  const rowsDone = Object.values(written.rowCounts).reduce((sum, n) => sum + n, 0);
  Object.assign(progress, { status: 'announcing', entity: null, rowsDone, percent: 99 });
  let announced = true;
  try {
    await announcer.announceExport({ tenantId, exportId, reason });
  } catch (error) {
    announced = false;
    log.warn('the owner could not be told about the export', { exportId, error: String(error) });
  }
  Object.assign(progress, { status: 'ready', percent: 100 });
  return { exportId, ...written, announced };
}
