import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bookingView } from '../../domain/booking/view.ts';
import { bookingChangeInput, bookingListQuery, ownerBookingInput, publicBookingInput } from '../../domain/inputs/booking.ts';
import { tenantTimeZone } from '../../prisma/booking-settings.ts';
import { bookingSelect, findBooking, resourcesForService } from '../../prisma/bookings.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { queryBookingState } from '../../workers/client/booking.ts';
import { clientAddress } from '../auth/login-throttle.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorBody } from '../errors.ts';
import { openBusinessOnly } from '../tenants/open-business.ts';
import { perApp } from '../per-app.ts';
import { validated } from '../validated.ts';
import { publicBusiness } from './availability-routes.ts';
import { resourceSelect, resourceView, serviceSelect, serviceView } from './setup.ts';
import type { BookingRefusalReason } from '../../domain/booking/refusals.ts';
import { BookingBusyError, bookOnline, changeBooking } from './book.ts';

// Bookings over HTTP, both sides of the counter:
//   POST  /api/public/:slug/bookings        a customer books a slot (no session; 409 when it is gone)
//   GET   /api/tenants/:tenantId/bookings   the calendar and the list (members)
//   POST  /api/tenants/:tenantId/bookings   book by hand (members; any time, never over another booking)
//   GET   /api/tenants/:tenantId/bookings/:id, PATCH …/:id  reschedule, cancel, confirm, done, no-show
//   GET   /api/tenants/:tenantId/services, /resources  what the calendar and the dialog choose from
//         (changed on the "Services & hours" page: ./setup-routes.ts)
// Every write goes through bookOnline / changeBooking (api/bookings/book.ts): the engine and the workflow.

const STATUS_OF: Record<BookingRefusalReason, ContentfulStatusCode> = {
  slot_taken: 409,
  not_offered: 409,
  no_resource: 409,
  too_late: 409,
  not_changeable: 409,
  service_not_found: 404,
  booking_not_found: 404,
  try_again: 503,
};
const refusal = (reason: BookingRefusalReason, message: string) => new ApiError(STATUS_OF[reason], reason, message);

const bookingLimiter = perApp((deps) =>
  rateLimiter<AppEnv>({
    windowMs: 60 * 60_000,
    limit: deps.config.BOOKING_ATTEMPTS_PER_HOUR,
    standardHeaders: false,
    keyGenerator: (c) => `public-booking|${clientAddress(c, deps.config.TRUST_PROXY_HOPS)}`,
    handler: (c) => c.json(errorBody('rate_limited', 'Too many booking attempts from your connection in the last hour. Please call or text the business instead.'), 429, { 'retry-after': '3600' }),
  }),
);

/** `/api/public/:slug/bookings`: a customer books one of the offered slots. */
export function publicBookingWriteRoutes() {
  return new Hono<AppEnv>()
    .use(async (c, next) => bookingLimiter(c.get('deps'))(c, next))
    .post('/', validated('json', publicBookingInput), async (c) => {
      const deps = c.get('deps');
      const business = await publicBusiness(deps.db, c.req.param('slug') ?? '');
      if (business.suspended) throw new ApiError(403, 'booking_paused', `Online booking is paused for ${business.name}. Please call the business to book.`);
      const input = c.req.valid('json');
      const result = await bookOnline(deps, { tenantId: business.tenantId, ...input, source: 'web' });
      if (!result.ok) throw refusal(result.reason, result.message);
      const { id, status, start, end } = result.booking;
      c.header('cache-control', 'no-store');
      return c.json({ booking: { id, status, start, end } }, 201);
    });
}

/** `/api/tenants/:tenantId/…`: the business's own calendar. */
export function tenantBookingRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const tenantOf = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';

  return new Hono<AppEnv>()
    .get('/services', member, async (c) => {
      const services = await forTenant(c.get('deps').db, tenantOf(c)).service.findMany({
        orderBy: [{ active: 'desc' }, { sortOrder: 'asc' }, { createdAt: 'asc' }],
        select: serviceSelect,
      });
      return c.json({ services: services.map(serviceView) });
    })
    .get('/resources', member, async (c) => {
      const resources = await forTenant(c.get('deps').db, tenantOf(c)).resource.findMany({
        orderBy: [{ active: 'desc' }, { sortOrder: 'asc' }, { createdAt: 'asc' }],
        select: resourceSelect,
      });
      return c.json({ resources: resources.map(resourceView) });
    })
    .get('/bookings', member, validated('query', bookingListQuery), async (c) => {
      const { db } = c.get('deps');
      const tenantId = tenantOf(c);
      const q = c.req.valid('query');
      const rows = await forTenant(db, tenantId).booking.findMany({
        where: {
          ...(q.from || q.to ? { startsAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
          ...(q.resourceId ? { resourceId: q.resourceId } : {}),
          ...(q.customerId ? { customerId: q.customerId } : {}),
          ...(q.status ? { status: q.status } : {}),
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: q.limit,
        select: bookingSelect,
      });
      const timeZone = await tenantTimeZone(db, tenantId);
      return c.json({ timeZone, bookings: rows.map((row) => bookingView(row, timeZone)) });
    })
    .post('/bookings', member, openBusinessOnly, validated('json', ownerBookingInput), async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantOf(c);
      const input = c.req.valid('json');
      let person: { name: string; phone: string; email: string | null };
      if ('id' in input.customer) {
        const known = await forTenant(deps.db, tenantId).customer.findFirst({ where: { id: input.customer.id }, select: { name: true, phone: true, email: true } });
        if (!known) throw new ApiError(404, 'not_found', 'There is no such customer.');
        if (!known.phone) throw new ApiError(400, 'validation_failed', 'This customer has no phone number yet: add one on their page, then book.', { customer: 'add a phone number first' });
        person = { name: known.name, phone: known.phone, email: known.email };
      } else {
        person = input.customer;
      }
      if (input.resourceId && !(await resourcesForService(deps.db, tenantId, input.serviceId)).some((r) => r.id === input.resourceId)) {
        throw new ApiError(409, 'no_resource', 'That person or van does not do this service. Choose another, or “anyone”.');
      }
      const result = await bookOnline(deps, { tenantId, serviceId: input.serviceId, start: input.start, resourceId: input.resourceId, ...person, notes: input.notes, address: input.address, source: 'owner' });
      if (!result.ok) throw refusal(result.reason, result.message);
      return c.json({ booking: result.booking }, 201);
    })
    .get('/bookings/:bookingId', member, async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantOf(c);
      const row = await findBooking(deps.db, tenantId, c.req.param('bookingId'));
      if (!row) throw new ApiError(404, 'not_found', 'There is no such booking.');
      // The workflow's view (reminders planned and sent, the deposit link) when it answers; the row alone otherwise.
      const state = await queryBookingState(deps.temporal, tenantId, row.id).catch(() => null);
      return c.json({ booking: bookingView(row, await tenantTimeZone(deps.db, tenantId)), state });
    })
    .patch('/bookings/:bookingId', member, validated('json', bookingChangeInput), async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantOf(c);
      const bookingId = c.req.param('bookingId');
      if (!(await findBooking(deps.db, tenantId, bookingId))) throw new ApiError(404, 'not_found', 'There is no such booking.');
      const change = c.req.valid('json');
      let result;
      try {
        result = await changeBooking(deps, tenantId, bookingId, { ...change, by: 'owner' });
      } catch (error) {
        if (error instanceof BookingBusyError) throw new ApiError(503, 'try_again', error.message);
        throw error;
      }
      if (!result.ok) throw refusal(result.reason, result.message);
      const row = (await findBooking(deps.db, tenantId, bookingId))!;
      return c.json({ booking: bookingView(row, await tenantTimeZone(deps.db, tenantId)), message: change.action === 'cancel' ? row.cancellationNote : null });
    });
}
