import { z } from 'zod';
import { TENANT_ID_PATTERN } from '../tenancy.ts';

// The audit log's filters and page: the query string of GET /api/admin/audit and the search
// params of the audit page's URL, one schema.

export const AUDIT_PAGE_SIZE = 25;

export const auditQuery = z.object({
  tenantId: z.string({ error: 'tenantId must be text' }).regex(TENANT_ID_PATTERN, 'tenantId: a tenant id such as sunny-lawns').optional(),
  action: z
    .string({ error: 'action must be text' })
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'action: an action such as tenant.updated')
    .max(60, 'action is at most 60 characters')
    .optional(),
  /** The id of the last entry shown: the next page is older than it. */
  cursor: z.string({ error: 'cursor must be text' }).regex(/^\d{1,18}$/, 'That page link is not valid; start from the first page.').optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;
