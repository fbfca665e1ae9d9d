import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { containsPattern, searchTerms } from '../../domain/customers/search-terms.ts';
import { pageOf, type Page } from '../tenants/pagination.ts';

// The customer book's list: one statement, newest activity first, a page at a time. Search is
// LIKE over one lower-cased text of name, email and number, the very expression the trigram index
// customers_search_trgm_idx is built on (migration 20261203040000_customer_book) — change both or neither.

const SEARCH_TEXT = Prisma.sql`lower(c.name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.phone, ''))`;

interface ListRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  lastContactAt: Date | null;
  lastActivityAt: Date;
  upcomingBookings: number;
}

export async function listCustomers(db: PrismaClient, tenantId: string, query: { q?: string; page: Page }, now = new Date()) {
  const tdb = forTenant(db, tenantId);
  const { page } = query;
  const terms = searchTerms(query.q);
  const matches = terms.length ? Prisma.join(terms.map((term) => Prisma.sql`AND ${SEARCH_TEXT} LIKE ${containsPattern(term)}`), ' ') : Prisma.empty;
  const after = page.after ? Prisma.sql`AND (c.last_activity_at, c.id) < (${page.after.at}, ${page.after.id}::uuid)` : Prisma.empty;
  const rows = await tdb.transaction((tx) =>
    tx.$queryRaw<ListRow[]>`
      SELECT c.id::text AS id, c.name, c.phone, c.email, c.last_contact_at AS "lastContactAt", c.last_activity_at AS "lastActivityAt",
        (SELECT count(*)::int FROM bookings b
          WHERE b.tenant_id = c.tenant_id AND b.customer_id = c.id AND b.starts_at >= ${now}
            AND (b.status = 'confirmed' OR (b.status = 'held' AND b.hold_expires_at > ${now}))) AS "upcomingBookings"
      FROM customers c
      WHERE c.tenant_id = ${tenantId} ${matches} ${after}
      ORDER BY c.last_activity_at DESC, c.id DESC
      LIMIT ${page.limit + 1}`,
  );
  const { items, nextCursor } = pageOf(rows, page, (row) => row.lastActivityAt);
  return {
    customers: items.map((row) => ({
      id: row.id,
      name: row.name,
      phone: row.phone,
      email: row.email,
      lastContactAt: row.lastContactAt?.toISOString() ?? null,
      upcomingBookings: row.upcomingBookings,
    })),
    nextCursor,
  };
}
