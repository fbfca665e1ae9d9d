// The tenant exports API (/api/tenants/:tenantId/exports) as the export page uses it.
// The shapes come from the API itself (type-only imports: nothing of workers/ is bundled).
import type { ExportView as DataExport } from '../../../workers/tenant-export.ts';
import { apiRequest } from './client.ts';

export type { ExportProgress } from '../../../workflows/export.ts';
export type { DataExport };

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
