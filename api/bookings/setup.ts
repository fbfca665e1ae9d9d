import type { BookingSettingsInput, ResourceCreateInput, ResourceUpdateInput, ServiceCreateInput, ServiceUpdateInput, TimeOffInput } from '../../domain/inputs/booking-setup.ts';
import { localDate, localDays } from '../../domain/local-day.ts';
import { normalizeWeeklyHours, type WeeklyHours } from '../../domain/weekly-hours.ts';
import { bookingRulesOf, tenantTimeZone, type BookingRules } from '../../prisma/booking-settings.ts';
import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { ApiError } from '../errors.ts';

// What can be booked, as the business owner sets it up: services (and who can do each), the team
// members, vans and bays that do the work with their weeks and time off, and the booking rules.
// Availability (prisma/availability.ts) reads the same rows, so a change here is what the next
// customer is offered. Every change leaves an audit entry, as the phone settings do.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The ids are uuid columns: anything else is simply not one of ours. */
const notFound = (what: string) => new ApiError(404, 'not_found', `There is no such ${what}.`);
const idOf = (id: string, what: string) => {
  if (!UUID.test(id)) throw notFound(what);
  return id;
};

/** Bookings that still hold a resource's time: a time off over them leaves them to be moved. */
const UPCOMING_STATUSES = ['held', 'confirmed'] as const;

export const serviceSelect = {
  id: true,
  name: true,
  description: true,
  durationMin: true,
  priceCents: true,
  depositCents: true,
  bufferBeforeMin: true,
  bufferAfterMin: true,
  active: true,
  sortOrder: true,
  resources: { select: { resourceId: true } },
} satisfies Prisma.ServiceSelect;
type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof serviceSelect }>;

/** A service as the API shows it; `resourceIds` empty = every active team member or van does it. */
export function serviceView({ resources, ...service }: ServiceRow) {
  return { ...service, resourceIds: resources.map((r) => r.resourceId) };
}
export type ServiceView = ReturnType<typeof serviceView>;

export const resourceSelect = { id: true, name: true, kind: true, active: true, weeklyHours: true, sortOrder: true } satisfies Prisma.ResourceSelect;
type ResourceRow = Prisma.ResourceGetPayload<{ select: typeof resourceSelect }>;
/** `weeklyHours` null = the business hours. */
export const resourceView = (row: ResourceRow) => ({ ...row, weeklyHours: (row.weeklyHours as WeeklyHours | null) ?? null });
export type ResourceView = ReturnType<typeof resourceView>;

const timeOffSelect = { id: true, resourceId: true, startsAt: true, endsAt: true, reason: true } satisfies Prisma.ResourceTimeOffSelect;
type TimeOffRow = Prisma.ResourceTimeOffGetPayload<{ select: typeof timeOffSelect }>;

/** Time off with the local days it covers, so the page can say "Mon 14 Dec – Fri 18 Dec". */
export function timeOffView(row: TimeOffRow, timeZone: string) {
  const days = localDays(localDate(row.startsAt, timeZone), localDate(new Date(row.endsAt.getTime() - 1), timeZone), timeZone);
  return {
    id: row.id,
    resourceId: row.resourceId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    from: localDate(row.startsAt, timeZone),
    through: localDate(new Date(row.endsAt.getTime() - 1), timeZone),
    /** True when it runs from a local midnight to a local midnight: whole days off. */
    wholeDays: days !== null && days.start.getTime() === row.startsAt.getTime() && days.end.getTime() === row.endsAt.getTime(),
    reason: row.reason,
  };
}
export type TimeOffView = ReturnType<typeof timeOffView>;

export type BookingSettingsView = BookingRules;

const jsonHours = (hours: WeeklyHours | null) => (hours ? normalizeWeeklyHours(hours) : Prisma.DbNull);

/** The business's services, team and rules, changed by its owner; `actorUserId` signs the audit entries. */
export function bookingSetup(db: PrismaClient, tenantId: string, actorUserId: string | null = null) {
  const tdb = forTenant(db, tenantId);
  const audit = (tx: { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => PromiseLike<unknown> } }, action: string, before: unknown, after: unknown) =>
    tx.auditLog.create({ data: { actorUserId, tenantId, action, before: (before ?? undefined) as Prisma.InputJsonValue | undefined, after: (after ?? undefined) as Prisma.InputJsonValue | undefined } });

  /** The ids that are this business's resources; any other is a field message, not a silent drop. */
  async function checkResourceIds(ids: readonly string[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return unique;
    const found = await tdb.resource.count({ where: { id: { in: unique } } });
    if (found !== unique.length) throw new ApiError(400, 'validation_failed', 'Please check: resourceIds', { resourceIds: 'Choose team members and vans from your own list' });
    return unique;
  }

  async function findService(id: string) {
    const row = await tdb.service.findFirst({ where: { id: idOf(id, 'service') }, select: serviceSelect });
    if (!row) throw notFound('service');
    return row;
  }

  async function findResource(id: string) {
    const row = await tdb.resource.findFirst({ where: { id: idOf(id, 'team member or van') }, select: resourceSelect });
    if (!row) throw notFound('team member or van');
    return row;
  }

  return {
    async createService(input: ServiceCreateInput): Promise<ServiceView> {
      const { resourceIds, ...fields } = input;
      const links = await checkResourceIds(resourceIds);
      return tdb.transaction(async (tx) => {
        const last = await tx.service.aggregate({ _max: { sortOrder: true } });
        const created = await tx.service.create({
          data: { ...fields, sortOrder: (last._max.sortOrder ?? -1) + 1, resources: { create: links.map((resourceId) => ({ resourceId })) } },
          select: serviceSelect,
        });
        const view = serviceView(created);
        await audit(tx, 'service.created', null, view);
        return view;
      });
    },

    async updateService(id: string, input: ServiceUpdateInput): Promise<ServiceView> {
      const before = serviceView(await findService(id));
      const { resourceIds, ...fields } = input;
      // The deposit is checked against the price as it will be, whichever of the two was sent.
      if ((fields.depositCents ?? before.depositCents) > (fields.priceCents ?? before.priceCents)) {
        throw new ApiError(400, 'validation_failed', 'Please check: depositCents', { depositCents: 'The deposit can’t be more than the price' });
      }
      const links = resourceIds === undefined ? undefined : await checkResourceIds(resourceIds);
      return tdb.transaction(async (tx) => {
        if (links) {
          await tx.serviceResource.deleteMany({ where: { serviceId: before.id } });
          if (links.length > 0) await tx.serviceResource.createMany({ data: links.map((resourceId) => ({ serviceId: before.id, resourceId })) });
        }
        const updated = await tx.service.update({ where: { id: before.id }, data: fields, select: serviceSelect });
        const after = serviceView(updated);
        await audit(tx, 'service.updated', before, after);
        return after;
      });
    },

    /**
     * Removes a service nobody has booked; one with bookings stays in their history and is only
     * turned off (no longer offered), which the answer says.
     */
    async removeService(id: string): Promise<{ removed: true } | { removed: false; service: ServiceView; message: string }> {
      const before = serviceView(await findService(id));
      return tdb.transaction(async (tx) => {
        const bookings = await tx.booking.count({ where: { serviceId: before.id } });
        if (bookings === 0) {
          await tx.service.delete({ where: { id: before.id } });
          await audit(tx, 'service.deleted', before, null);
          return { removed: true as const };
        }
        const updated = serviceView(await tx.service.update({ where: { id: before.id }, data: { active: false }, select: serviceSelect }));
        await audit(tx, 'service.updated', before, updated);
        return {
          removed: false as const,
          service: updated,
          message: `“${before.name}” has ${bookings === 1 ? 'a booking' : `${bookings} bookings`}, so it was turned off instead of deleted: customers can no longer book it, and past bookings keep it.`,
        };
      });
    },

    async createResource(input: ResourceCreateInput): Promise<ResourceView> {
      return tdb.transaction(async (tx) => {
        const last = await tx.resource.aggregate({ _max: { sortOrder: true } });
        const created = resourceView(
          await tx.resource.create({ data: { ...input, weeklyHours: jsonHours(input.weeklyHours), sortOrder: (last._max.sortOrder ?? -1) + 1 }, select: resourceSelect }),
        );
        await audit(tx, 'resource.created', null, created);
        return created;
      });
    },

    async updateResource(id: string, input: ResourceUpdateInput): Promise<ResourceView> {
      const resourceId = (await findResource(id)).id;
      return tdb.transaction(async (tx) => {
        // Deactivations of one business take turns, so two at once cannot leave it with nobody.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`resources:${tenantId}`}, 0))`;
        const before = resourceView((await tx.resource.findFirst({ where: { id: resourceId }, select: resourceSelect }))!);
        if (input.active === false && before.active && (await tx.resource.count({ where: { active: true, id: { not: resourceId } } })) === 0) {
          throw new ApiError(
            409,
            'last_resource',
            `${before.name} is the only one taking bookings: with nobody active, customers can’t book at all. Add another team member or van first, then turn this one off.`,
            { active: 'Add another team member or van before turning this one off' },
          );
        }
        const { weeklyHours, ...fields } = input;
        const after = resourceView(
          await tx.resource.update({ where: { id: resourceId }, data: { ...fields, ...(weeklyHours !== undefined ? { weeklyHours: jsonHours(weeklyHours) } : {}) }, select: resourceSelect }),
        );
        await audit(tx, 'resource.updated', before, after);
        return after;
      });
    },

    /** Time off still to come (or under way), soonest first. */
    async listTimeOff(resourceIdParam: string, now = new Date()): Promise<{ timeZone: string; timeOff: TimeOffView[] }> {
      const resource = await findResource(resourceIdParam);
      const [timeZone, rows] = await Promise.all([
        tenantTimeZone(db, tenantId),
        tdb.resourceTimeOff.findMany({ where: { resourceId: resource.id, endsAt: { gt: now } }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: 200, select: timeOffSelect }),
      ]);
      return { timeZone, timeOff: rows.map((row) => timeOffView(row, timeZone)) };
    },

    /**
     * Adds time off. Bookings already in it are not moved or cancelled (the owner decides): the
     * answer counts them, so the page can say which to move.
     */
    async addTimeOff(resourceIdParam: string, input: TimeOffInput) {
      const resource = await findResource(resourceIdParam);
      const timeZone = await tenantTimeZone(db, tenantId);
      const range = 'from' in input ? localDays(input.from, input.through, timeZone) : { start: input.startsAt, end: input.endsAt };
      if (!range) throw new ApiError(400, 'validation_failed', 'Please check: through', { through: 'The last day off can’t be before the first' });
      return tdb.transaction(async (tx) => {
        const created = await tx.resourceTimeOff.create({ data: { resourceId: resource.id, startsAt: range.start, endsAt: range.end, reason: input.reason }, select: timeOffSelect });
        const overlapping = await tx.booking.findMany({
          where: { resourceId: resource.id, status: { in: [...UPCOMING_STATUSES] }, startsAt: { lt: range.end }, endsAt: { gt: range.start } },
          orderBy: { startsAt: 'asc' },
          select: { id: true, startsAt: true },
        });
        const view = timeOffView(created, timeZone);
        await audit(tx, 'time_off.added', null, { ...view, resource: resource.name });
        return {
          timeOff: view,
          bookingsInside: overlapping.length,
          bookingIds: overlapping.map((b) => b.id),
          message:
            overlapping.length === 0
              ? null
              : `${resource.name} has ${overlapping.length === 1 ? 'a booking' : `${overlapping.length} bookings`} during this time off. ${overlapping.length === 1 ? 'It stays' : 'They stay'} on the calendar: move or cancel ${overlapping.length === 1 ? 'it' : 'them'} there.`,
        };
      });
    },

    async removeTimeOff(resourceIdParam: string, timeOffIdParam: string): Promise<void> {
      const resource = await findResource(resourceIdParam);
      const timeOffId = idOf(timeOffIdParam, 'time off');
      const timeZone = await tenantTimeZone(db, tenantId);
      await tdb.transaction(async (tx) => {
        const row = await tx.resourceTimeOff.findFirst({ where: { id: timeOffId, resourceId: resource.id }, select: timeOffSelect });
        if (!row) throw notFound('time off');
        await tx.resourceTimeOff.delete({ where: { id: row.id } });
        await audit(tx, 'time_off.removed', { ...timeOffView(row, timeZone), resource: resource.name }, null);
      });
    },

    bookingSettings: (): Promise<BookingSettingsView> => bookingRulesOf(db, tenantId),

    async saveBookingSettings(input: BookingSettingsInput): Promise<BookingSettingsView> {
      const before = await bookingRulesOf(db, tenantId);
      return db.$transaction(async (tx) => {
        const { tenantId: _tenant, updatedAt: _updated, ...after } = await tx.bookingSettings.upsert({ where: { tenantId }, create: { tenantId, ...input }, update: input });
        await audit(tx, 'booking_settings.updated', before, after);
        return after;
      });
    },
  };
}
