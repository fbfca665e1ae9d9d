import { Hono } from 'hono';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { validated } from '../validated.ts';
import { reopenTenant } from './reopen.ts';
import { tenantRegistry } from './registry.ts';
import { startViewAs } from './view-as.ts';
import { createTenantInput, updateTenantInput } from '../../domain/inputs/tenant.ts';
import { registryQuery } from '../../domain/inputs/registry-query.ts';

/** `/api/admin/tenants`: the root registry, for the platform owner only. */
export function adminTenantRoutes() {
  return new Hono<AppEnv>()
    .use(requireAccess({ kind: 'platform-owner' }))
    .get('/', validated('query', registryQuery), async (c) => c.json(await tenantRegistry(c.get('deps')).list(c.req.valid('query'))))
    .get('/:id', async (c) => c.json({ tenant: await tenantRegistry(c.get('deps')).get(c.req.param('id')) }))
    .post('/', validated('json', createTenantInput), async (c) => {
      const tenant = await tenantRegistry(c.get('deps')).create(c.req.valid('json'), c.get('user').id);
      return c.json({ tenant }, 201);
    })
    .patch('/:id', validated('json', updateTenantInput), async (c) => {
      const tenant = await tenantRegistry(c.get('deps')).update(c.req.param('id'), c.req.valid('json'), c.get('user').id);
      return c.json({ tenant });
    })
    .post('/:id/reopen', async (c) => c.json({ tenant: await reopenTenant(c.get('deps'), c.req.param('id'), c.get('user').id) }))
    // A read-only session as the tenant's owner, for a view of its own (the web app keeps it apart from the platform owner's).
    .post('/:id/view-as', async (c) => c.json(await startViewAs(c.get('deps'), c.req.param('id'), c.get('user').id, c.req.header('user-agent')), 201))
    .delete('/:id', async (c) => {
      const tenant = await tenantRegistry(c.get('deps')).close(c.req.param('id'), c.get('user').id);
      return c.json({ tenant });
    });
}
