import { Hono } from 'hono';
import { z } from 'zod';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/local-day.ts';
import { tenantBillingRoutes } from './billing.ts';
import { tenantAvailabilityRoutes } from '../bookings/availability-routes.ts';
import { tenantBookingRoutes } from '../bookings/routes.ts';
import { bookingSetupRoutes } from '../bookings/setup-routes.ts';
import { callLog } from './call-log.ts';
import { carrierRegistrationRoutes } from './carrier-registration.ts';
import { customerRoutes } from '../customers/routes.ts';
import { accountFacts, dashboard } from './dashboard.ts';
import { exportRoutes } from './exports.ts';
import { memberRoutes } from '../members/routes.ts';
import { onboardingRoutes } from '../onboarding/routes.ts';
import { listMessages } from './messages.ts';
import { openBusinessOnly } from './open-business.ts';
import { pageFrom } from './pagination.ts';
import { phoneSettingsInput } from '../../domain/inputs/phone-settings.ts';
import { phoneSettings } from './phone-settings.ts';
import { ownAddress, runSimulatedCall, simulatedCallInput } from './simulator.ts';
import { recordingLinkSigner } from './recording-links.ts';
import { voicemailRecordingRoutes } from './voicemail-recording.ts';
import { ownerSiteRoutes } from '../sites/owner-routes.ts';
import { siteCacheOf } from '../sites/site-cache.ts';

const voicemailChange = z.strictObject({ listened: z.boolean({ error: 'listened must be true or false' }) });

/**
 * `/api/tenants/:tenantId`: one business's own resources, for its members and the platform owner.
 * Reading is for every member; changing settings and placing test calls is for owners.
 */
export function tenantRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantId = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';

  return new Hono<AppEnv>()
    .get('/', member, async (c) => {
      const { db } = c.get('deps');
      const user = c.get('user');
      const id = tenantId(c);
      const tenant = await db.tenant.findUnique({ where: { id }, include: { config: true, phoneConfig: true, billing: true } });
      if (!tenant?.config) throw new ApiError(404, 'not_found', `There is no business “${id}”.`);
      const role = user.memberships.find((m) => m.tenantId === id)?.role ?? null;
      return c.json({
        tenant: {
          id,
          businessName: tenant.config.businessName,
          tier: tenant.config.tier,
          status: tenant.config.status,
          industry: tenant.config.industry,
          primaryColor: tenant.config.primaryColor,
          logoUrl: tenant.config.logoUrl,
          phoneNumber: tenant.phoneConfig?.phoneNumber ?? null,
          // The calendar shows times on the business's clock, not the browser's.
          timeZone: tenant.phoneConfig?.timeZone ?? DEFAULT_TIME_ZONE,
          closedAt: tenant.closedAt?.toISOString() ?? null,
          // What the banners on every page need: the trial's end while trialing, and whether a card is on file.
          ...accountFacts(id, tenant.config.status, tenant.billing),
          role,
          canManage: user.isPlatformOwner || role === 'owner',
        },
      });
    })
    .get('/phone-settings', member, async (c) => c.json({ phoneSettings: await phoneSettings(c.get('deps')).get(tenantId(c)) }))
    .patch('/phone-settings', owner, openBusinessOnly, validated('json', phoneSettingsInput), async (c) => {
      const updated = await phoneSettings(c.get('deps')).update(tenantId(c), c.req.valid('json'), c.get('user').id);
      siteCacheOf(c.get('deps')).forget(tenantId(c)); // the website shows the number and the hours
      return c.json({ phoneSettings: updated });
    })
    .get('/dashboard', member, async (c) => c.json({ dashboard: await dashboard(c.get('deps').db, tenantId(c)) }))
    .get('/calls', member, async (c) => c.json(await callLog(c.get('deps').db, tenantId(c)).calls(pageFrom(c.req.query()))))
    .get('/voicemails', member, async (c) =>
      c.json(await callLog(c.get('deps').db, tenantId(c), await recordingLinkSigner(c, tenantId(c))).voicemails(pageFrom(c.req.query()), { unlistenedOnly: c.req.query('unlistened') === 'true' })),
    )
    .patch('/voicemails/:id', member, validated('json', voicemailChange), async (c) => {
      const voicemail = await callLog(c.get('deps').db, tenantId(c), await recordingLinkSigner(c, tenantId(c))).markListened(c.req.param('id'), c.req.valid('json').listened);
      return c.json({ voicemail });
    })
    .route('/', voicemailRecordingRoutes())
    .get('/messages', member, async (c) => c.json(await listMessages(c.get('deps').db, tenantId(c), pageFrom(c.req.query()))))
    .route('/availability', tenantAvailabilityRoutes())
    .route('/', tenantBookingRoutes())
    .route('/', bookingSetupRoutes())
    .route('/billing', tenantBillingRoutes())
    .route('/carrier-registration', carrierRegistrationRoutes())
    .route('/customers', customerRoutes())
    .route('/exports', exportRoutes())
    .route('/members', memberRoutes())
    .route('/onboarding', onboardingRoutes())
    .route('/site', ownerSiteRoutes())
    .post('/simulator/calls', owner, openBusinessOnly, validated('json', simulatedCallInput), async (c) => {
      const call = await runSimulatedCall(c.get('deps'), tenantId(c), c.req.valid('json'), ownAddress(c.env));
      return c.json({ call });
    });
}
