import { Hono, type Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { DaySlots } from '../../domain/booking/availability.ts';
import { publicAvailabilityQuery, tenantAvailabilityQuery } from '../../domain/inputs/availability.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/local-day.ts';
import { phoneLabel } from '../../domain/phone.ts';
import { isProvisioned, TENANT_ID_PATTERN } from '../../domain/tenancy.ts';
import { loadAvailability, type AvailabilityRefusal } from '../../prisma/availability.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { clientAddress } from '../auth/login-throttle.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorBody } from '../errors.ts';
import { perApp } from '../per-app.ts';
import { validated } from '../validated.ts';

// Availability over HTTP. Public (no session, the site's booking page and the AI agent's tools):
//   GET /api/public/:slug/services      the business's active services and its clock
//   GET /api/public/:slug/availability  ?serviceId&date[&days=1..14] → {timeZone, slots:[{start,end}], days?}
// Tenant (members; the calendar and "book by hand"):
//   GET /api/tenants/:tenantId/availability ?serviceId&date[&days=1..42][&resourceId] → {timeZone, days, slots} with resourceIds
// Slots change by the second, so nothing here is cached. A slot listed is an offer, not a promise:
// holding it (prisma/bookings.ts) is where Postgres decides.

/** Per address: a person paging through weeks makes a few a minute; a scraper makes hundreds. */
const PUBLIC_REQUESTS_PER_MINUTE = 120;

const publicLimiter = perApp((deps) =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: PUBLIC_REQUESTS_PER_MINUTE,
    standardHeaders: false,
    keyGenerator: (c) => `availability|${clientAddress(c, deps.config.TRUST_PROXY_HOPS)}`,
    handler: (c) => c.json(errorBody('rate_limited', 'Too many requests from your connection. Wait a minute, then try again.'), 429, { 'retry-after': '60' }),
  }),
);

interface PublicBusiness {
  tenantId: string;
  name: string;
  timeZone: string;
  phoneNumber: string | null;
  suspended: boolean;
}

/** The business behind a public slug, or a 404: unknown, closed, or not set up yet all take no bookings. */
export async function publicBusiness(db: PrismaClient, slug: string): Promise<PublicBusiness> {
  const tenant = TENANT_ID_PATTERN.test(slug)
    ? await db.tenant.findUnique({ where: { slug }, select: { id: true, closedAt: true, config: { select: { businessName: true, status: true } }, phoneConfig: { select: { timeZone: true, phoneNumber: true } } } })
    : null;
  if (!tenant?.config) throw new ApiError(404, 'not_found', 'There is no business at this address.');
  if (tenant.closedAt || tenant.config.status === 'closed' || !isProvisioned(tenant.config.status)) {
    throw new ApiError(404, 'not_found', 'This business is no longer available for online booking.');
  }
  return {
    tenantId: tenant.id,
    name: tenant.config.businessName,
    timeZone: tenant.phoneConfig?.timeZone ?? DEFAULT_TIME_ZONE,
    phoneNumber: tenant.phoneConfig?.phoneNumber ?? null,
    suspended: tenant.config.status === 'suspended',
  };
}

const pausedNotice = (business: PublicBusiness) =>
  `Online booking is paused for ${business.name}. Please call${business.phoneNumber ? ` ${phoneLabel(business.phoneNumber)}` : ''} to book.`;

function refused(refusal: AvailabilityRefusal, resourceId?: string): never {
  if (refusal === 'bad_range') throw new ApiError(400, 'validation_failed', 'Please check: date, days', { date: 'date must be a real date written YYYY-MM-DD' });
  if (refusal === 'no_resource' && resourceId) throw new ApiError(404, 'not_found', 'That resource does not do this service, or is not active.');
  if (refusal === 'no_resource') throw new ApiError(404, 'not_found', 'Nobody is set up to do that service yet.');
  throw new ApiError(404, 'not_found', 'That service is not offered.');
}

const noStore = (c: Context) => c.header('cache-control', 'no-store');
const withoutResources = (days: DaySlots[]) => days.map((d) => ({ date: d.date, slots: d.slots.map(({ start, end }) => ({ start, end })) }));

/** `/api/public/:slug`: what the business offers, for people booking online. */
export function publicBookingRoutes() {
  const limit = async (c: Context<AppEnv>, next: () => Promise<void>) => publicLimiter(c.get('deps'))(c, next);
  return new Hono<AppEnv>()
    .use(limit)
    .get('/services', async (c) => {
      const { db } = c.get('deps');
      const business = await publicBusiness(db, c.req.param('slug') ?? '');
      const [services, settings] = await Promise.all([
        forTenant(db, business.tenantId).service.findMany({
          where: { active: true },
          orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
          select: { id: true, name: true, description: true, priceCents: true, durationMin: true, depositCents: true },
        }),
        db.bookingSettings.findUnique({ where: { tenantId: business.tenantId }, select: { depositsEnabled: true } }),
      ]);
      noStore(c);
      return c.json({
        business: { name: business.name, timeZone: business.timeZone, ...(business.suspended ? { notice: pausedNotice(business) } : {}) },
        // A deposit is asked only when the business takes deposits at all.
        services: services.map((s) => ({ ...s, depositCents: settings?.depositsEnabled ? s.depositCents : 0 })),
      });
    })
    .get('/availability', validated('query', publicAvailabilityQuery), async (c) => {
      const { db } = c.get('deps');
      const business = await publicBusiness(db, c.req.param('slug') ?? '');
      const query = c.req.valid('query');
      noStore(c);
      if (business.suspended) return c.json({ timeZone: business.timeZone, slots: [], ...(query.days > 1 ? { days: [] } : {}), notice: pausedNotice(business) });
      const result = await loadAvailability(db, business.tenantId, { serviceId: query.serviceId, from: query.date, days: query.days });
      if (result.refusal) refused(result.refusal);
      const days = withoutResources(result.days);
      return c.json({ timeZone: result.timeZone, slots: days.flatMap((d) => d.slots), ...(query.days > 1 ? { days } : {}) });
    });
}

/** `/api/tenants/:tenantId/availability`: the same slots with who is free for each, for the calendar. */
export function tenantAvailabilityRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  return new Hono<AppEnv>().get('/', member, validated('query', tenantAvailabilityQuery), async (c) => {
    const query = c.req.valid('query');
    const result = await loadAvailability(c.get('deps').db, c.req.param('tenantId') ?? '', { serviceId: query.serviceId, from: query.date, days: query.days, resourceId: query.resourceId });
    if (result.refusal) refused(result.refusal, query.resourceId);
    noStore(c);
    return c.json({ timeZone: result.timeZone, days: result.days, slots: result.days.flatMap((d) => d.slots) });
  });
}
