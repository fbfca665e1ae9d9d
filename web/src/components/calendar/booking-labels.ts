import type { BookingStatus, BookingView } from '../../api/booking-types.ts';

/** The business's words for each status. */
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  held: 'Held',
  confirmed: 'Confirmed',
  completed: 'Done',
  cancelled: 'Cancelled',
  expired: 'Hold lapsed',
  no_show: 'No-show',
};

/** Only a held or confirmed booking can still be moved, cancelled or finished. */
export const isOpenBooking = (booking: Pick<BookingView, 'status'>) => booking.status === 'held' || booking.status === 'confirmed';

export const bookingTitle = (booking: BookingView) => `${booking.customer.name} · ${booking.service?.name ?? 'Booking'}`;
