import type { TenantDb } from '../../prisma/tenant-db.ts';

/**
 * Customer names for a page of calls, voicemails or texts: by the row's customerId when it was
 * linked, else by the phone number matching a customer's — so callers show by name when known.
 */
export async function callerNames(db: TenantDb, rows: { customerId: string | null; number: string }[]) {
  const ids = [...new Set(rows.map((row) => row.customerId).filter((id): id is string => Boolean(id)))];
  const numbers = [...new Set(rows.map((row) => row.number).filter(Boolean))];
  if (ids.length === 0 && numbers.length === 0) return () => null;
  const customers = await db.customer.findMany({
    where: { OR: [{ id: { in: ids } }, { phone: { in: numbers } }] },
    select: { id: true, name: true, phone: true },
  });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const byPhone = new Map(customers.filter((c) => c.phone).map((c) => [c.phone!, c]));
  return (row: { customerId: string | null; number: string }): { id: string; name: string } | null => {
    const customer = (row.customerId && byId.get(row.customerId)) || byPhone.get(row.number);
    return customer ? { id: customer.id, name: customer.name } : null;
  };
}
