import { DateTime } from 'luxon';

// A booking as every channel shows it (the API's JSON, the agent's tool results, the texts):
// times as ISO 8601 with the tenant's own offset, so "2027-03-14T09:00:00-05:00" reads 9:00 there.

type BookingStatus = 'held' | 'confirmed' | 'completed' | 'cancelled' | 'expired' | 'no_show';
type BookingSource = 'web' | 'sms' | 'voice' | 'owner';
type ResourceKind = 'technician' | 'van' | 'bay';

/** The row as prisma/bookings.ts selects it (written out here: domain/ imports nothing of ours). */
export interface BookingRow {
  id: string;
  status: BookingStatus;
  source: BookingSource;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date | null;
  priceCents: number;
  depositCents: number;
  depositPaidAt: Date | null;
  address: string | null;
  notes: string | null;
  cancellationNote: string | null;
  createdAt: Date;
  customer: { id: string; name: string; phone: string | null; email: string | null };
  service: { id: string; name: string } | null;
  resource: { id: string; name: string; kind: ResourceKind };
}

export interface BookingView {
  id: string;
  status: BookingRow['status'];
  source: BookingRow['source'];
  start: string;
  end: string;
  timeZone: string;
  service: { id: string; name: string } | null;
  resource: { id: string; name: string; kind: BookingRow['resource']['kind'] };
  customer: { id: string; name: string; phone: string | null; email: string | null };
  priceCents: number;
  depositCents: number;
  depositPaid: boolean;
  /** While a hold waits: when it lapses. */
  holdExpiresAt: string | null;
  address: string | null;
  notes: string | null;
  cancellationNote: string | null;
  createdAt: string;
}

export const localIso = (at: Date, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true })!;

export function bookingView(row: BookingRow, timeZone: string): BookingView {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    start: localIso(row.startsAt, timeZone),
    end: localIso(row.endsAt, timeZone),
    timeZone,
    service: row.service,
    resource: row.resource,
    customer: row.customer,
    priceCents: row.priceCents,
    depositCents: row.depositCents,
    depositPaid: row.depositPaidAt !== null,
    holdExpiresAt: row.holdExpiresAt ? localIso(row.holdExpiresAt, timeZone) : null,
    address: row.address,
    notes: row.notes,
    cancellationNote: row.cancellationNote,
    createdAt: row.createdAt.toISOString(),
  };
}
