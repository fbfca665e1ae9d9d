import { bookingSelect } from '../../prisma/bookings.ts';
import type { TenantDb } from '../../prisma/tenant-db.ts';
import { bookingView } from '../../domain/booking/view.ts';

// One customer's history: calls, voicemails, texts in and out, bookings and website requests,
// merged newest first. A row belongs to the customer when it was linked to them, or when it is
// from (or, for a text out, to) their number — as the caller names elsewhere are found.

/** The latest this many of each kind are read; the timeline shows the newest HISTORY_LIMIT of them all. */
const PER_KIND = 50;
export const HISTORY_LIMIT = 100;

export async function customerHistory(tdb: TenantDb, customer: { id: string; phone: string | null }, timeZone: string) {
  const byNumber = <T extends object>(where: T) => (customer.phone ? [where] : []);
  const newest = { take: PER_KIND } as const;
  const [calls, voicemails, texts, bookings, requests] = await Promise.all([
    tdb.call.findMany({ where: { OR: [{ customerId: customer.id }, ...byNumber({ fromNumber: customer.phone! })] }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], ...newest }),
    tdb.voicemail.findMany({ where: { OR: [{ customerId: customer.id }, ...byNumber({ fromNumber: customer.phone! })] }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...newest }),
    tdb.message.findMany({
      where: { OR: [{ customerId: customer.id }, ...byNumber({ direction: 'inbound' as const, fromNumber: customer.phone! }), ...byNumber({ direction: 'outbound' as const, toNumber: customer.phone! })] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...newest,
    }),
    tdb.booking.findMany({ where: { customerId: customer.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: bookingSelect, ...newest }),
    tdb.websiteRequest.findMany({ where: { customerId: customer.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...newest }),
  ]);

  const entries = [
    ...calls.map((row) => ({ kind: 'call' as const, id: row.id, at: row.startedAt.toISOString(), outcome: row.outcome, durationSec: row.durationSec, from: row.fromNumber })),
    ...voicemails.map((row) => ({
      kind: 'voicemail' as const, id: row.id, at: row.createdAt.toISOString(), durationSec: row.durationSec, listened: row.listenedAt !== null,
      transcript: row.transcriptStatus === 'done' ? row.transcript : null,
    })),
    ...texts.map((row) => ({ kind: 'text' as const, id: row.id, at: row.createdAt.toISOString(), direction: row.direction, body: row.body, status: row.status })),
    // A booking sits in the timeline when it was made; the job's own time is in `booking`.
    ...bookings.map((row) => ({ kind: 'booking' as const, id: row.id, at: row.createdAt.toISOString(), booking: bookingView(row, timeZone) })),
    ...requests.map((row) => ({
      kind: 'website_request' as const, id: row.id, at: row.createdAt.toISOString(), serviceName: row.serviceName, preferredTime: row.preferredTime, message: row.message,
    })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, HISTORY_LIMIT);
}

export type HistoryEntry = Awaited<ReturnType<typeof customerHistory>>[number];
