import { queryBookingState } from '../../../workers/client/booking.ts';
import type { BookingDeps } from '../../bookings/book.ts';

// What the site's booking pages take from the booking engine, in one place.
export { bookOnline, changeBooking, BookingBusyError } from '../../bookings/book.ts';
export { manageToken, manageTokenValid } from '../../../domain/booking/manage-link.ts';
export { findBooking } from '../../../prisma/bookings.ts';

/** The deposit's Checkout link while the booking's workflow asks one; null when none (or it cannot say now). */
export async function checkoutUrlOf(deps: BookingDeps, tenantId: string, bookingId: string): Promise<string | null> {
  try {
    return (await queryBookingState(deps.temporal, tenantId, bookingId)).checkoutUrl;
  } catch {
    return null;
  }
}
