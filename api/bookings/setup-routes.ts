import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bookingSettingsInput, resourceCreateInput, resourceUpdateInput, serviceCreateInput, serviceUpdateInput, timeOffInput } from '../../domain/inputs/booking-setup.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { siteCacheOf } from '../sites/site-cache.ts';
import { openBusinessOnly } from '../tenants/open-business.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { bookingSetup } from './setup.ts';

// Setting up what can be booked ("Services & hours"), under /api/tenants/:tenantId:
//   POST /services, PATCH /services/:serviceId, DELETE /services/:serviceId (turned off instead when booked)
//   POST /resources, PATCH /resources/:resourceId (never the last active one)
//   GET, POST /resources/:resourceId/time-off, DELETE /resources/:resourceId/time-off/:timeOffId
//   GET, PUT /booking-settings
// Members read (the lists themselves are GET /services and /resources in ./routes.ts); those who
// manage the business change, and a closed business changes nothing.

/** A business that exists (the platform owner may name any id): else 404, before anything is written for it. */
const knownBusiness = createMiddleware<AppEnv>(async (c, next) => {
  const tenantId = c.req.param('tenantId') ?? '';
  if (!(await c.get('deps').db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  await next();
});

export function bookingSetupRoutes() {
  const member = [requireAccess({ kind: 'tenant-member' }), knownBusiness] as const;
  const owner = [requireAccess({ kind: 'tenant-member', roles: ['owner'] }), knownBusiness, openBusinessOnly] as const;
  const setup = (c: Context<AppEnv>) => bookingSetup(c.get('deps').db, c.req.param('tenantId') ?? '', c.get('user').id);
  // The website lists the services and prices: a change shows there at once.
  const refreshSite = (c: Context<AppEnv>) => siteCacheOf(c.get('deps')).forget(c.req.param('tenantId') ?? '');

  return new Hono<AppEnv>()
    .post('/services', ...owner, validated('json', serviceCreateInput), async (c) => {
      const service = await setup(c).createService(c.req.valid('json'));
      refreshSite(c);
      return c.json({ service }, 201);
    })
    .patch('/services/:serviceId', ...owner, validated('json', serviceUpdateInput), async (c) => {
      const service = await setup(c).updateService(c.req.param('serviceId'), c.req.valid('json'));
      refreshSite(c);
      return c.json({ service });
    })
    .delete('/services/:serviceId', ...owner, async (c) => {
      const result = await setup(c).removeService(c.req.param('serviceId'));
      refreshSite(c);
      return c.json(result);
    })
    .post('/resources', ...owner, validated('json', resourceCreateInput), async (c) => c.json({ resource: await setup(c).createResource(c.req.valid('json')) }, 201))
    .patch('/resources/:resourceId', ...owner, validated('json', resourceUpdateInput), async (c) =>
      c.json({ resource: await setup(c).updateResource(c.req.param('resourceId'), c.req.valid('json')) }),
    )
    .get('/resources/:resourceId/time-off', ...member, async (c) => c.json(await setup(c).listTimeOff(c.req.param('resourceId'))))
    .post('/resources/:resourceId/time-off', ...owner, validated('json', timeOffInput), async (c) =>
      c.json(await setup(c).addTimeOff(c.req.param('resourceId'), c.req.valid('json')), 201),
    )
    .delete('/resources/:resourceId/time-off/:timeOffId', ...owner, async (c) => {
      await setup(c).removeTimeOff(c.req.param('resourceId'), c.req.param('timeOffId'));
      return c.body(null, 204);
    })
    .get('/booking-settings', ...member, async (c) => c.json({ bookingSettings: await setup(c).bookingSettings() }))
    .put('/booking-settings', ...owner, validated('json', bookingSettingsInput), async (c) => c.json({ bookingSettings: await setup(c).saveBookingSettings(c.req.valid('json')) }));
}
