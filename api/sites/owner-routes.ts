import { Hono } from 'hono';
import { sitePreviewInput, siteUpdateInput } from '../../domain/inputs/site.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { openBusinessOnly } from '../tenants/open-business.ts';
import { validated } from '../validated.ts';
import { ownerSiteView, updateOwnerSite } from './owner-site.ts';
import { renderPreview } from './preview.ts';
import { listWebsiteRequests } from './website-requests.ts';

/**
 * `/api/tenants/:tenantId/site`: the business's website for its members — read it, preview a
 * change, see the requests it brought in — and for its owners, change and publish it.
 */
export function ownerSiteRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantId = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';
  return new Hono<AppEnv>()
    .get('/', member, async (c) => c.json(await ownerSiteView(c.get('deps'), tenantId(c))))
    .put('/', owner, openBusinessOnly, validated('json', siteUpdateInput), async (c) => c.json(await updateOwnerSite(c.get('deps'), tenantId(c), c.req.valid('json'), c.get('user').id)))
    // The front page with unsaved changes, for the editor's live preview: HTML, never stored, never indexed.
    .post('/preview', member, validated('json', sitePreviewInput), async (c) => {
      const page = await renderPreview(c.get('deps'), tenantId(c), c.req.valid('json'));
      return c.body(page.html, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': page.csp });
    })
    .get('/requests', member, async (c) => c.json({ requests: await listWebsiteRequests(c.get('deps').db, tenantId(c)) }));
}
