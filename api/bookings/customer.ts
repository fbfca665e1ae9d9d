import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';

// The customer a booking is for, found by phone number or created. An existing customer keeps their
// name (a stranger's form never renames them, as with website requests) but gains an email or an
// address they did not have. Safe under races: two bookings from one new number create one customer.

export async function customerForBooking(db: PrismaClient, tenantId: string, person: { name: string; phone: string; email?: string | null; address?: string | null }): Promise<{ id: string; created: boolean }> {
  const tdb = forTenant(db, tenantId);
  const { count } = await tdb.customer.createMany({ data: [{ name: person.name, phone: person.phone, email: person.email ?? null, address: person.address ?? null }], skipDuplicates: true });
  const customer = await tdb.customer.findFirstOrThrow({ where: { phone: person.phone }, select: { id: true, email: true, address: true } });
  if (count === 0) {
    const gains = { ...(person.email && !customer.email ? { email: person.email } : {}), ...(person.address && !customer.address ? { address: person.address } : {}) };
    if (Object.keys(gains).length > 0) await tdb.customer.updateMany({ where: { id: customer.id }, data: gains });
  }
  return { id: customer.id, created: count > 0 };
}
