import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeBooking } from '../../api/booking-endpoints.ts';
import { bookingKeys } from '../../api/booking-queries.ts';
import type { BookingChange, BookingView } from '../../api/booking-types.ts';

/** One change to a booking through PATCH; every booking view of the business refreshes after it. */
export function useBookingChange(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ booking, change }: { booking: BookingView; change: BookingChange }) => changeBooking(tenantId, booking.id, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bookingKeys.all(tenantId) }),
  });
}
