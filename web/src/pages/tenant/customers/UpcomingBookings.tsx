import { Link } from '@tanstack/react-router';
import type { CustomerPage } from '../../../api/types.ts';
import { BookingStatusBadge } from '../../../components/calendar/StatusBadge.tsx';
import { dayAndClock } from '../../../lib/calendar-time.ts';
import { bookingDay } from '../../../lib/customer-format.ts';

/** What is booked ahead for this customer, soonest first; each opens the calendar on its day. */
export function UpcomingBookings({ tenantId, bookings, timeZone }: { tenantId: string; bookings: CustomerPage['upcomingBookings']; timeZone: string }) {
  return (
    <section className="settings-card" aria-labelledby="upcoming-title" data-testid="upcoming-bookings">
      <h2 id="upcoming-title">Coming up</h2>
      {bookings.length === 0 ? (
        <p className="muted">Nothing booked ahead.</p>
      ) : (
        <ul className="customer-bookings">
          {bookings.map((booking) => {
            const date = bookingDay(booking.start);
            return (
              <li key={booking.id} data-booking-id={booking.id}>
                <Link to="/t/$tenantId/calendar" params={{ tenantId }} search={date ? { date, view: 'day' } : {}} className="customer-booking">
                  <span className="record-main">
                    <strong>
                      <time dateTime={booking.start}>{dayAndClock(booking.start, timeZone)}</time>
                    </strong>
                    <span className="muted small-text">
                      {booking.service?.name ?? 'Booking'} · {booking.resource.name}
                    </span>
                  </span>
                  <BookingStatusBadge status={booking.status} />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
