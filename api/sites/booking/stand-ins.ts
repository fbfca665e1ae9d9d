import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { bookingView, type BookingView } from '../../../domain/booking/view.ts';
import { isOffered } from '../../../prisma/availability.ts';
import { cancelBooking, findBooking, holdSlot, moveBooking } from '../../../prisma/bookings.ts';
import { forTenant } from '../../../prisma/tenant-db.ts';
import type { ServiceDeps } from '../../../workers/runtime/deps.ts';

// TEMPORARY stand-ins for part B's bookOnline /
// changeBooking (api/bookings/book.ts) and manage-link tokens (domain/booking/manage-link.ts), with
// their agreed signatures, so the site's booking pages can be built before those land. Deleted on merge.

type Deps = Pick<ServiceDeps, 'db' | 'temporal' | 'config' | 'logger' | 'masterKey'>;
export type BookOnlineResult = { ok: true; booking: BookingView } | { ok: false; reason: string; message: string };

export async function bookOnline(deps: Deps, input: { tenantId: string; serviceId: string; start: Date; resourceId?: string; name: string; phone: string; email?: string | null; address?: string | null; notes?: string | null; source: 'web' }): Promise<BookOnlineResult> {
  const offer = await isOffered(deps.db, input.tenantId, { serviceId: input.serviceId, start: input.start });
  if (!offer.offered) return { ok: false, reason: offer.refusal === 'taken' ? 'slot_taken' : 'not_offered', message: offer.reason ?? 'That time is not offered.' };
  const tdb = forTenant(deps.db, input.tenantId);
  const customer = (await tdb.customer.findFirst({ where: { phone: input.phone } })) ?? (await tdb.customer.create({ data: { name: input.name, phone: input.phone, email: input.email ?? null } }));
  const result = await holdSlot(deps.db, input.tenantId, { bookingId: randomUUID(), serviceId: input.serviceId, customerId: customer.id, start: input.start, resourceId: input.resourceId ?? null, source: 'web', holdMinutes: 5, confirm: true, address: input.address ?? null });
  if (!result.ok) return { ok: false, reason: result.reason, message: result.reason === 'slot_taken' ? 'That time was just taken.' : 'That service cannot be booked online.' };
  const phone = await deps.db.tenantPhoneConfig.findUnique({ where: { tenantId: input.tenantId }, select: { timeZone: true } });
  return { ok: true, booking: bookingView(result.booking, phone?.timeZone ?? 'America/Chicago') };
}

export type ChangeOutcome = { ok: true; start: string; status: string } | { ok: false; reason: string; message: string };

export async function changeBooking(deps: Deps, tenantId: string, bookingId: string, change: { action: 'reschedule'; start: Date; by: 'customer' } | { action: 'cancel'; by: 'customer'; reason?: string | null }): Promise<ChangeOutcome> {
  const result = change.action === 'cancel' ? await cancelBooking(deps.db, tenantId, bookingId) : await moveBooking(deps.db, tenantId, bookingId, { start: change.start });
  if (!result.ok) return { ok: false, reason: result.reason, message: result.reason === 'slot_taken' ? 'That time was just taken.' : 'This booking can no longer be changed.' };
  return { ok: true, start: result.booking.startsAt.toISOString(), status: result.booking.status };
}

const mac = (key: Buffer, tenantId: string, bookingId: string) => createHmac('sha256', key).update(`manage:${tenantId}:${bookingId}`).digest('base64url').slice(0, 32);
export const manageToken = (masterKey: Buffer, tenantId: string, bookingId: string) => mac(masterKey, tenantId, bookingId);
export function manageTokenValid(masterKey: Buffer, tenantId: string, bookingId: string, token: string): boolean {
  const a = Buffer.from(mac(masterKey, tenantId, bookingId));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Stand-in for the workflow's state query: the deposit's Checkout link, when one is asked. */
export async function checkoutUrlOf(_deps: Deps, _tenantId: string, _bookingId: string): Promise<string | null> {
  return null;
}

export { findBooking };
