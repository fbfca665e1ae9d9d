import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { availabilityQuery } from '../../api/booking-queries.ts';
import type { BookingView } from '../../api/booking-types.ts';
import { onClock } from '../../lib/calendar-time.ts';
import { SlotPicker } from './SlotPicker.tsx';

/** Moving a booking by picking a day and one of its free slots (the phone's way; desktop drags too). */
export function MoveBooking({ tenantId, booking, busy, onMove, onBack }: { tenantId: string; booking: BookingView; busy: boolean; onMove: (start: string, resourceId: string) => void; onBack: () => void }) {
  const [date, setDate] = useState(() => onClock(booking.start, booking.timeZone).date);
  const slots = useQuery(availabilityQuery(tenantId, { serviceId: booking.service?.id ?? '', date, days: 1 }));
  const day = slots.data?.days.find((d) => d.date === date) ?? slots.data?.days[0];
  return (
    <div className="move-booking">
      <div className="form-field">
        <label htmlFor="move-date">New day</label>
        <input id="move-date" type="date" value={date} onChange={(event) => event.target.value && setDate(event.target.value)} />
      </div>
      {!booking.service && <p className="muted">This booking has no service, so there are no slots to offer. Drag it on a larger screen.</p>}
      {slots.isError && (
        <p className="form-alert" role="alert">
          {errorMessage(slots.error)}
        </p>
      )}
      {slots.isPending && booking.service && <p className="muted">Finding free times…</p>}
      {day && (
        <SlotPicker
          slots={day.slots}
          timeZone={booking.timeZone}
          disabled={busy}
          label="Free times"
          onPick={(slot) => onMove(slot.start, slot.resourceIds.includes(booking.resource.id) ? booking.resource.id : slot.resourceIds[0]!)}
        />
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={onBack} disabled={busy}>
          Back
        </button>
      </div>
    </div>
  );
}
