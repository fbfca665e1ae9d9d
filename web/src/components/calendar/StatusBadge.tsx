import type { BookingStatus } from '../../api/booking-types.ts';
import { BOOKING_STATUS_LABELS } from './booking-labels.ts';

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return (
    <span className={`booking-status booking-${status}`} data-status={status}>
      {BOOKING_STATUS_LABELS[status]}
    </span>
  );
}
