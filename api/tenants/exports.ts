import { Hono } from 'hono';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { describeExport, listExports, requestExport } from '../exports/tenant-exports.ts';
import { isUuid } from '../../domain/ids.ts';


/**
 * `/api/tenants/:tenantId/exports`: the business's data exports. Owners (and the platform owner)
 * start one; every member sees them, each ready one with a freshly signed download link. Nothing
 * here looks at the billing status: a suspended business can always take its data.
 */
export function exportRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantId = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';

  return new Hono<AppEnv>()
    .post('/', owner, async (c) => {
      const deps = c.get('deps');
      const id = tenantId(c);
      const tenant = await deps.db.tenant.findUnique({ where: { id }, select: { purgedAt: true } });
      if (!tenant) throw new ApiError(404, 'not_found', `There is no business “${id}”.`);
      if (tenant.purgedAt) {
        throw new ApiError(409, 'tenant_purged', "This business's records were deleted after its retention window; its final export is listed on the Exports page.");
      }
      const started = await requestExport(deps, { tenantId: id, reason: 'owner', requestedBy: c.get('user').id });
      return c.json({ export: started }, 202);
    })
    .get('/', member, async (c) => c.json({ exports: await listExports(c.get('deps'), tenantId(c)) }))
    .get('/:exportId', member, async (c) => {
      const exportId = c.req.param('exportId');
      const found = isUuid(exportId) ? await describeExport(c.get('deps'), tenantId(c), exportId) : null;
      if (!found) throw new ApiError(404, 'not_found', 'There is no such export for this business.');
      return c.json({ export: found });
    });
}
