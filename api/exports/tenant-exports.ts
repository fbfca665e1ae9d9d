// A tenant's data exports as the API shows them: the row, live progress from the running workflow,
// and a download link signed for each answer. It builds HTTP views, so it lives in api/ (nothing in
// workers/ builds HTTP answers); the workflow is started by its type name and asked through its
// messages (workflows/export.messages.ts), never through its code.
import type { Client } from '@temporalio/client';
import type { Config } from '../../domain/config.ts';
import { exportLinkExpiry, exportLinkKey, signExportLink } from '../../domain/export-links.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { DataExportModel, PrismaClient } from '../../prisma/client.ts';
import type { ExportReason } from '../../activities/contracts.ts';
import type { tenantExport } from '../../workflows/export.ts';
import { exportProgressQuery, type ExportProgress } from '../../workflows/export.messages.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';

export interface ExportDeps {
  db: PrismaClient;
  temporal: Client;
  config: Config;
  masterKey: Buffer;
}

/** An export as the API shows it (the web Exports page is built against exactly this). */
export interface ExportView {
  id: string;
  reason: ExportReason;
  status: 'running' | 'ready' | 'failed';
  progress: ExportProgress | null;
  rowCounts: Record<string, number> | null;
  sizeBytes: number | null;
  createdAt: string;
  completedAt: string | null;
  /** Absolute, freshly signed for each answer, so a signed-in owner always gets a working link. */
  downloadUrl: string | null;
  expiresAt: string | null;
  error: string | null;
}

const PROGRESS_DEADLINE_MS = 1_500;
const STARTING: ExportProgress = { status: 'counting', entity: null, rowsDone: 0, rowsTotal: null, percent: 0 };

/**
 * Records an export and starts `export:<tenantId>:<exportId>` (search attribute TenantId) on the
 * configured task queue. Works whatever the tenant's billing status: an owner may always take
 * their data. Returns the export as the API shows it.
 */
export async function requestExport(deps: ExportDeps, input: { tenantId: string; reason: ExportReason; requestedBy?: string | null }): Promise<ExportView> {
  const { id: exportId } = await deps.db.dataExport.create({ data: { tenantId: input.tenantId, reason: input.reason, requestedBy: input.requestedBy ?? null, status: 'running' } });
  try {
    await deps.temporal.workflow.start<typeof tenantExport>('tenantExport', {
      workflowId: workflowIds.export(input.tenantId, exportId),
      taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
      args: [{ tenantId: input.tenantId, exportId, reason: input.reason }],
      typedSearchAttributes: [{ key: TenantIdKey, value: input.tenantId }],
    });
  } catch (error) {
    // No workflow will ever finish this row: say so rather than leave it "running" forever.
    await deps.db.dataExport.update({ where: { id: exportId }, data: { status: 'failed', error: 'The export could not be started; please try again.', completedAt: new Date() } });
    throw error;
  }
  // Just started: the workflow is counting; no need to wait for it to say so.
  const row = await deps.db.dataExport.findUniqueOrThrow({ where: { id: exportId } });
  return exportView(deps, row, { live: false });
}

/** Live progress from the running workflow; null when it cannot answer in time (the row then speaks alone). */
async function liveProgress(temporal: Client, tenantId: string, exportId: string): Promise<ExportProgress | null> {
  try {
    return await temporal.connection.withDeadline(Date.now() + PROGRESS_DEADLINE_MS, () =>
      temporal.workflow.getHandle(workflowIds.export(tenantId, exportId)).query(exportProgressQuery),
    );
  } catch {
    return null;
  }
}

const total = (counts: Record<string, number> | null) => (counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 0);

/** The API's view of one `data_exports` row: live progress while running, a fresh link when ready. */
export async function exportView(deps: ExportDeps, row: DataExportModel, options: { now?: Date; live?: boolean } = {}): Promise<ExportView> {
  const now = options.now ?? new Date();
  const rowCounts = (row.rowCounts ?? null) as Record<string, number> | null;
  let progress: ExportProgress | null = null;
  if (row.status === 'running') {
    progress = options.live === false ? STARTING : await liveProgress(deps.temporal, row.tenantId, row.id);
  }
  else if (row.status === 'ready') progress = { status: 'ready', entity: null, rowsDone: total(rowCounts), rowsTotal: total(rowCounts), percent: 100 };
  else progress = { status: 'failed', entity: null, rowsDone: 0, rowsTotal: null, percent: 0 };

  let downloadUrl: string | null = null;
  let expiresAt: Date | null = null;
  if (row.status === 'ready' && row.fileName) {
    expiresAt = exportLinkExpiry(deps.config, now);
    downloadUrl = `${deps.config.PUBLIC_BASE_URL}${signExportLink({ tenantId: row.tenantId, exportId: row.id, expiresAt }, exportLinkKey(deps.masterKey))}`;
  }
  return {
    id: row.id,
    reason: row.reason === 'final' ? 'final' : 'owner',
    status: row.status,
    progress,
    rowCounts,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    downloadUrl,
    expiresAt: expiresAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** One export of a tenant for the API, or null when the tenant has no such export. */
export async function describeExport(deps: ExportDeps, tenantId: string, exportId: string): Promise<ExportView | null> {
  const row = await deps.db.dataExport.findFirst({ where: { id: exportId, tenantId } });
  return row ? exportView(deps, row) : null;
}

/** A tenant's exports, newest first. */
export async function listExports(deps: ExportDeps, tenantId: string, limit = 50): Promise<ExportView[]> {
  const rows = await deps.db.dataExport.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return Promise.all(rows.map((row) => exportView(deps, row)));
}
