import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bookingsQuery, resourcesQuery } from '../../../api/booking-queries.ts';
import { BOOKING_STATUSES, type BookingStatus, type BookingView } from '../../../api/booking-types.ts';
import { errorMessage } from '../../../api/client.ts';
import { BOOKING_STATUS_LABELS } from '../../../components/calendar/booking-labels.ts';
import { BookingSheet } from '../../../components/calendar/BookingSheet.tsx';
import { NewBookingDialog } from '../../../components/calendar/NewBookingDialog.tsx';
import { BookingStatusBadge } from '../../../components/calendar/StatusBadge.tsx';
import { ListEmpty, ListError, ListLoading } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { addDays, dayAndClock, todayIn, window } from '../../../lib/calendar-time.ts';
import { formatPhone } from '../../../lib/format.ts';

/** How far ahead the list looks unless the owner picks other dates. */
const DEFAULT_DAYS = 60;

const matches = (booking: BookingView, q: string) => {
  const words = q.trim().toLowerCase();
  if (!words) return true;
  const digits = words.replace(/\D/g, '');
  return booking.customer.name.toLowerCase().includes(words) || (digits.length >= 3 && (booking.customer.phone ?? '').includes(digits));
};

/** Every booking in a date range, soonest first, with filters; a row opens the same sheet as the calendar. */
export function BookingsPage() {
  const tenant = useTenant();
  const today = todayIn(tenant.timeZone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => addDays(today, DEFAULT_DAYS));
  const [status, setStatus] = useState<BookingStatus | ''>('');
  const [resourceId, setResourceId] = useState('');
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const resources = useQuery(resourcesQuery(tenant.id));
  const range = window([from, to < from ? from : to], tenant.timeZone);
  const bookings = useQuery(bookingsQuery(tenant.id, { ...range, ...(status ? { status } : {}), ...(resourceId ? { resourceId } : {}) }));
  const rows = (bookings.data ?? []).filter((b) => matches(b, q)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const open = bookings.data?.find((b) => b.id === openId) ?? null;
  const filtered = status !== '' || resourceId !== '' || q.trim() !== '';

  return (
    <section aria-labelledby="bookings-title" className="bookings-page">
      <div className="calendar-toolbar-row">
        <h1 id="bookings-title">Bookings</h1>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          New booking
        </button>
      </div>
      <div className="bookings-filters">
        <label>
          <span>Search</span>
          <input type="search" placeholder="Customer name or number" value={q} onChange={(event) => setQ(event.target.value)} />
        </label>
        <label>
          <span>Status</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as BookingStatus | '')}>
            <option value="">Any</option>
            {BOOKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {BOOKING_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Who</span>
          <select value={resourceId} onChange={(event) => setResourceId(event.target.value)}>
            <option value="">Everyone</option>
            {(resources.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>From</span>
          <input type="date" value={from} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        </label>
        <label>
          <span>To</span>
          <input type="date" value={to} onChange={(event) => event.target.value && setTo(event.target.value)} />
        </label>
      </div>
      {bookings.isPending ? (
        <ListLoading label="Loading bookings…" />
      ) : bookings.isError && !bookings.data ? (
        <ListError title="Bookings didn't load" message={errorMessage(bookings.error)} onRetry={() => void bookings.refetch()} />
      ) : rows.length === 0 ? (
        <ListEmpty title={filtered ? 'No bookings match' : 'No bookings yet'}>
          {filtered ? (
            <p>Try another status, person or date range.</p>
          ) : (
            <p>Bookings arrive from your website’s booking page and from customers who call or text your business number. You can also add one yourself with “New booking”.</p>
          )}
        </ListEmpty>
      ) : (
        <ul className="record-list bookings-list" data-testid="bookings-list">
          {rows.map((booking) => (
            <li key={booking.id} className="record-item">
              <button type="button" className="booking-row" data-booking-id={booking.id} onClick={() => setOpenId(booking.id)}>
                <span className="record-main">
                  <span className="record-title">
                    <strong>{booking.customer.name}</strong> {booking.customer.phone && <span className="muted small-text">{formatPhone(booking.customer.phone)}</span>}
                  </span>
                  <span className="muted small-text">
                    <time dateTime={booking.start}>{dayAndClock(booking.start, tenant.timeZone)}</time> · {booking.service?.name ?? 'Booking'} · {booking.resource.name}
                  </span>
                </span>
                <BookingStatusBadge status={booking.status} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && <BookingSheet key={open.id} tenantId={tenant.id} booking={open} onClose={() => setOpenId(null)} />}
      {creating && <NewBookingDialog defaultDate={today} onClose={() => setCreating(false)} onCreated={() => undefined} />}
    </section>
  );
}

