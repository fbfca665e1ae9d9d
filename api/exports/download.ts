import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { exportLinkKey, exportStorageDir, verifyExportLink } from '../../domain/export-links.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { isUuid } from '../../domain/ids.ts';

const FRESH_LINK = 'Sign in to ServicePro and open the Exports page for a fresh download link.';

/**
 * `GET /exports/:tenantId/:exportId/download?expires&sig`: the zip of an export, for whoever holds
 * a signed link (the owner's email, or the Exports page). No session: the signature is the
 * credential, bound to the tenant, the export and the expiry. The billing status is not looked at.
 */
export function exportDownloadRoutes() {
  return new Hono<AppEnv>().get('/:tenantId/:exportId/download', async (c) => {
    const { config, db, masterKey } = c.get('deps');
    const { tenantId, exportId } = c.req.param();
    const check = verifyExportLink({ tenantId, exportId, expires: c.req.query('expires'), sig: c.req.query('sig') }, exportLinkKey(masterKey));
    if (!check.ok && check.reason === 'expired') throw new ApiError(410, 'link_expired', `This download link has expired. ${FRESH_LINK}`);
    if (!check.ok) throw new ApiError(403, 'invalid_link', `This download link is not valid (it may have been changed or cut short). ${FRESH_LINK}`);

    // A genuine signature, and still the row must be this tenant's and finished.
    const row = isUuid(exportId) ? await db.dataExport.findFirst({ where: { id: exportId, tenantId } }) : null;
    if (!row) throw new ApiError(404, 'not_found', 'There is no such export for this business.');
    if (row.status !== 'ready' || !row.fileName) throw new ApiError(409, 'export_not_ready', 'This export is not ready to download yet; the Exports page shows its progress.');

    const root = exportStorageDir(config);
    const file = path.resolve(root, row.fileName);
    if (!file.startsWith(root + path.sep)) throw new ApiError(404, 'not_found', 'There is no such export for this business.');
    const size = await stat(file).then((s) => s.size, () => null);
    if (size === null) throw new ApiError(410, 'export_file_missing', 'The file of this export is no longer on the server. Request a new export on the Exports page.');

    const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
    const slug = (tenant?.slug ?? tenantId).replace(/[^a-z0-9-]+/gi, '-');
    const date = (row.completedAt ?? row.createdAt).toISOString().slice(0, 10);
    return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream, 200, {
      'content-type': 'application/zip',
      'content-length': String(size),
      'content-disposition': `attachment; filename="${slug}-export-${date}.zip"`,
      'cache-control': 'private, no-store',
    });
  });
}
