import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ExportReason } from '../activities/contracts.ts';
import type { ExportRowCounts } from '../domain/export-entities.ts';

// The export workflow's messages and shapes (workflows/export.ts handles them): the API asks for
// progress and the writing activity reports it with these, without the workflow code.

export interface ExportProgress {
  status: 'counting' | 'writing' | 'announcing' | 'ready' | 'failed';
  entity: string | null;
  rowsDone: number;
  rowsTotal: number | null;
  percent: number;
}

export interface TenantExportInput {
  tenantId: string;
  exportId: string;
  reason: ExportReason;
}

export interface TenantExportResult {
  exportId: string;
  fileName: string;
  sizeBytes: number;
  rowCounts: ExportRowCounts;
  /** False when the owner could not be told (the export itself is ready either way). */
  announced: boolean;
}

export const exportProgressQuery = defineQuery<ExportProgress>('exportProgress');
/** Sent by the writing activity, at most ~2×/s: where it has got to. */
export const exportProgressSignal = defineSignal<[{ entity: string; rowsDone: number }]>('exportProgress');
