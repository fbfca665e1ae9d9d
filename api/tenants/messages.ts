import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { callerNames } from './caller-names.ts';
import { olderThan, pageOf, type Page } from './pagination.ts';

/**
 * Every text in and out, newest first — including those the local sandbox "sent", which is how
 * texts are visible offline — with their status (sent, blocked by an opt-out or quiet hours, …).
 */
export async function listMessages(db: PrismaClient, tenantId: string, page: Page) {
  const tdb = forTenant(db, tenantId);
  const rows = await tdb.message.findMany({ where: olderThan('createdAt', page), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: page.limit + 1 });
  const { items, nextCursor } = pageOf(rows, page, (row) => row.createdAt);
  // The other party: who texted us, or whom we texted.
  const other = (row: (typeof items)[number]) => (row.direction === 'inbound' ? row.fromNumber : row.toNumber);
  const nameOf = await callerNames(tdb, items.map((row) => ({ customerId: row.customerId, number: other(row) })));
  // "Held until 8:00 AM" means 8:00 on the business's clock, whatever the browser's zone.
  const phone = await db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { timeZone: true } });
  return {
    timeZone: phone?.timeZone ?? 'America/Chicago',
    messages: items.map((row) => {
      const customer = nameOf({ customerId: row.customerId, number: other(row) });
      return {
        id: row.id,
        direction: row.direction,
        from: row.fromNumber,
        to: row.toNumber,
        counterpart: other(row),
        customerName: customer?.name ?? null,
        customerId: customer?.id ?? null,
        body: row.body,
        status: row.status,
        kind: row.kind,
        /** Held by quiet hours: sent at this instant (a durable timer), unless a STOP comes first. */
        heldUntil: row.status === 'blocked_quiet_hours' ? (row.heldUntil?.toISOString() ?? null) : null,
        segments: row.segments,
        error: row.error,
        providerSid: row.providerSid,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      };
    }),
    nextCursor,
  };
}
