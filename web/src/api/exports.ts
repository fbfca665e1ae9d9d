// The tenant exports API (/api/tenants/:tenantId/exports) as the export page uses it.
import { apiRequest } from './client.ts';

export interface ExportProgress {
  status: 'counting' | 'writing' | 'announcing' | 'ready' | 'failed';
  /** The entity being written now, e.g. "customers". */
  entity: string | null;
  rowsDone: number;
  /** null while the rows are still being counted. */
  rowsTotal: number | null;
  percent: number;
}

export interface DataExport {
  id: string;
  /** `owner`: asked for in the app; `final`: made before the data was removed. */
  reason: 'owner' | 'final';
  status: 'running' | 'ready' | 'failed';
  progress: ExportProgress | null;
  rowCounts: Record<string, number> | null;
  sizeBytes: number | null;
  createdAt: string;
  completedAt: string | null;
  /** Absolute, signed, works without signing in; null until ready or once expired. */
  downloadUrl: string | null;
  expiresAt: string | null;
  error: string | null;
}

const base = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/exports`;

export async function listExports(tenantId: string, signal?: AbortSignal): Promise<DataExport[]> {
  return (await apiRequest<{ exports: DataExport[] }>(base(tenantId), { signal })).exports;
}

export async function fetchExport(tenantId: string, exportId: string, signal?: AbortSignal): Promise<DataExport> {
  return (await apiRequest<{ export: DataExport }>(`${base(tenantId)}/${encodeURIComponent(exportId)}`, { signal })).export;
}

export async function requestExport(tenantId: string): Promise<DataExport> {
  return (await apiRequest<{ export: DataExport }>(base(tenantId), { method: 'POST' })).export;
}
