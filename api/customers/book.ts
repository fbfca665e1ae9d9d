import type { PrismaClient } from '../../prisma/client.ts';
import { Prisma } from '../../prisma/client.ts';
import { bookingSelect } from '../../prisma/bookings.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { bookingView } from '../../domain/booking/view.ts';
import { isUuid } from '../../domain/ids.ts';
import { industryPack } from '../../domain/industry-packs/index.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/local-day.ts';
import { phoneLabel } from '../../domain/phone.ts';
import type { AssetInput, CustomerCreateInput, CustomerUpdateInput } from '../../domain/inputs/customer.ts';
import { ApiError } from '../errors.ts';
import { assetSelect, assetView, customerSelect, customerView } from './customer-view.ts';
import { customerHistory } from './history.ts';

// The customer book of one tenant: a customer's page, and the changes its members make to
// customers and their assets. Bookings are only read here; they change through the engine.

const notFound = () => new ApiError(404, 'not_found', 'That customer is not in this customer book.');
const assetNotFound = () => new ApiError(404, 'not_found', 'That is not one of this customer’s.');

/** 409 naming who already has the number: a second card for the same person splits their history. */
const duplicatePhone = (existing: { name: string; phone: string }) =>
  new ApiError(409, 'duplicate_customer', `${existing.name} already has the number ${phoneLabel(existing.phone)}.`, {
    phone: `${existing.name} already has this number`,
  });

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export function customerBook(db: PrismaClient, tenantId: string) {
  const tdb = forTenant(db, tenantId);

  const refuseTakenPhone = async (phone: string | null | undefined, self: string | null) => {
    if (!phone) return;
    const existing = await tdb.customer.findFirst({ where: { phone, ...(self ? { NOT: { id: self } } : {}) }, select: { name: true, phone: true } });
    if (existing) throw duplicatePhone({ name: existing.name, phone });
  };
  /** Two saves of one number at once: the unique key refuses the second, answered the same way. */
  const orDuplicate = async <T,>(phone: string | null | undefined, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (phone && isUniqueViolation(error)) await refuseTakenPhone(phone, null);
      throw error;
    }
  };
  const ownCustomer = async (id: string) => {
    if (!isUuid(id)) throw notFound();
    const row = await tdb.customer.findFirst({ where: { id }, select: customerSelect });
    if (!row) throw notFound();
    return row;
  };

  return {
    async page(id: string, now = new Date()) {
      const customer = await ownCustomer(id);
      const [tenant, assets, upcoming] = await Promise.all([
        db.tenant.findUnique({ where: { id: tenantId }, select: { config: { select: { industry: true } }, phoneConfig: { select: { timeZone: true } } } }),
        tdb.vehicle.findMany({ where: { customerId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: assetSelect }),
        tdb.booking.findMany({
          where: { customerId: id, startsAt: { gte: now }, OR: [{ status: 'confirmed' }, { status: 'held', holdExpiresAt: { gt: now } }] },
          orderBy: { startsAt: 'asc' },
          select: bookingSelect,
          take: 10,
        }),
      ]);
      const timeZone = tenant?.phoneConfig?.timeZone ?? DEFAULT_TIME_ZONE;
      return {
        customer: customerView(customer),
        timeZone,
        /** What the trade calls what it works on ("vehicle", "pet", "pool"); null when it keeps none. */
        assetLabel: industryPack(tenant?.config?.industry).asset,
        assets: assets.map(assetView),
        upcomingBookings: upcoming.map((row) => bookingView(row, timeZone)),
        history: await customerHistory(tdb, customer, timeZone),
      };
    },

    async create(input: CustomerCreateInput) {
      await refuseTakenPhone(input.phone, null);
      const row = await orDuplicate(input.phone, () => tdb.customer.create({ data: input, select: customerSelect }));
      return customerView(row);
    },

    async update(id: string, changes: CustomerUpdateInput) {
      await ownCustomer(id);
      await refuseTakenPhone(changes.phone, id);
      await orDuplicate(changes.phone, () => tdb.customer.updateMany({ where: { id }, data: changes }));
      return customerView(await ownCustomer(id));
    },

    async addAsset(customerId: string, input: AssetInput & { description: string }) {
      await ownCustomer(customerId);
      const row = await tdb.vehicle.create({ data: { customerId, description: input.description, details: input.notes ? { notes: input.notes } : Prisma.DbNull }, select: assetSelect });
      return assetView(row);
    },

    async changeAsset(customerId: string, assetId: string, changes: AssetInput) {
      const current = await ownAsset(customerId, assetId);
      const details = { ...(current.details && typeof current.details === 'object' && !Array.isArray(current.details) ? current.details : {}) } as Record<string, Prisma.JsonValue>;
      if (changes.notes !== undefined) {
        if (changes.notes === null) delete details.notes;
        else details.notes = changes.notes;
      }
      await tdb.vehicle.updateMany({
        where: { id: assetId, customerId },
        data: { ...(changes.description !== undefined ? { description: changes.description } : {}), details: Object.keys(details).length ? details : Prisma.DbNull },
      });
      return assetView(await ownAsset(customerId, assetId));
    },

    async removeAsset(customerId: string, assetId: string) {
      await ownAsset(customerId, assetId);
      await tdb.vehicle.deleteMany({ where: { id: assetId, customerId } });
    },
  };

  async function ownAsset(customerId: string, assetId: string) {
    if (!isUuid(customerId) || !isUuid(assetId)) throw assetNotFound();
    const row = await tdb.vehicle.findFirst({ where: { id: assetId, customerId }, select: assetSelect });
    if (!row) throw assetNotFound();
    return row;
  }
}
