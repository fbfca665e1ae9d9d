import { Hono } from 'hono';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { validated } from '../validated.ts';
import { reopenTenant } from './reopen.ts';
import { tenantRegistry } from './registry.ts';
import { startViewAs } from './view-as.ts';
import { createTenantInput, updateTenantInput } from '../../domain/inputs/tenant.ts';
import { registryQuery } from '../../domain/inputs/registry-query.ts';
import { ownerInviteInput } from '../../domain/inputs/members.ts';
import { inviteMember } from '../members/invites.ts';
import { siteCacheOf } from '../sites/site-cache.ts';

/** `/api/admin/tenants`: the root registry, for the platform owner only. */
export function adminTenantRoutes() {
  return new Hono<AppEnv>()
    .use(requireAccess({ kind: 'platform-owner' }))
    .get('/', validated('query', registryQuery), async (c) => c.json(await tenantRegistry(c.get('deps')).list(c.req.valid('query'))))
    .get('/:id', async (c) => c.json({ tenant: await tenantRegistry(c.get('deps')).get(c.req.param('id')) }))
    .post('/', validated('json', createTenantInput), async (c) => {
      const { ownerEmail, ...input } = c.req.valid('json');
      const tenant = await tenantRegistry(c.get('deps')).create(input, c.get('user').id);
      const ownerInvite = ownerEmail ? await inviteMember(c.get('deps'), { tenantId: tenant.id, email: ownerEmail, role: 'owner', actor: c.get('user') }) : null;
      return c.json({ tenant, ownerInvite }, 201);
    })
    // An owner for a business that has none yet (or another one): the same invite as on creation.
    .post('/:id/owner-invites', validated('json', ownerInviteInput), async (c) => {
      const invite = await inviteMember(c.get('deps'), { tenantId: c.req.param('id'), email: c.req.valid('json').email, role: 'owner', actor: c.get('user') });
      return c.json({ invite }, 201);
    })
    .patch('/:id', validated('json', updateTenantInput), async (c) => {
      const tenant = await tenantRegistry(c.get('deps')).update(c.req.param('id'), c.req.valid('json'), c.get('user').id);
      siteCacheOf(c.get('deps')).forget(c.req.param('id')); // name, colours, logo and plan show on the website
      return c.json({ tenant });
    })
    .post('/:id/reopen', async (c) => c.json({ tenant: await reopenTenant(c.get('deps'), c.req.param('id'), c.get('user').id) }))
    // A read-only session as the tenant's owner, for a view of its own (the web app keeps it apart from the platform owner's).
    .post('/:id/view-as', async (c) => c.json(await startViewAs(c.get('deps'), c.req.param('id'), c.get('user').id, c.req.header('user-agent')), 201))
    .delete('/:id', async (c) => {
      const tenant = await tenantRegistry(c.get('deps')).close(c.req.param('id'), c.get('user').id);
      siteCacheOf(c.get('deps')).forget(c.req.param('id'));
      return c.json({ tenant });
    });
}
