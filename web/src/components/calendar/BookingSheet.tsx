import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { BookingChange, BookingView } from '../../api/booking-types.ts';
import { formatMoney } from '../../lib/billing-format.ts';
import { dayAndClock, clock } from '../../lib/calendar-time.ts';
import { formatPhone } from '../../lib/format.ts';
import { Dialog } from '../Dialog.tsx';
import { isOpenBooking } from './booking-labels.ts';
import { MoveBooking } from './MoveBooking.tsx';
import { BookingStatusBadge } from './StatusBadge.tsx';
import { useBookingChange } from './use-booking-change.ts';

/**
 * One booking's details with what can be done to it: move (a day and a free slot), cancel (the
 * answer carries the policy's fee message, shown here), confirm a hold, mark done or no-show.
 */
export function BookingSheet({ tenantId, booking, onClose }: { tenantId: string; booking: BookingView; onClose: () => void }) {
  const change = useBookingChange(tenantId);
  const [mode, setMode] = useState<'details' | 'move' | 'cancel'>('details');
  const [reason, setReason] = useState('');
  const [current, setCurrent] = useState(booking);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = current.timeZone;
  const act = (next: BookingChange, done: string) =>
    change.mutate(
      { booking: current, change: next },
      {
        onSuccess: ({ booking: updated, message }) => {
          setCurrent(updated);
          setMode('details');
          setNotice(message ? `${done} ${message}` : done);
        },
      },
    );

  return (
    <Dialog title={current.customer.name} onDismiss={onClose} busy={change.isPending}>
      <div className="booking-sheet" data-booking-id={current.id}>
        {notice && (
          <p className="form-notice" role="status">
            {notice}
          </p>
        )}
        {change.isError && (
          <p className="form-alert" role="alert">
            {errorMessage(change.error)}
          </p>
        )}
        {mode === 'move' ? (
          <MoveBooking tenantId={tenantId} booking={current} busy={change.isPending} onBack={() => setMode('details')} onMove={(start, resourceId) => act({ action: 'reschedule', start, resourceId }, `Moved to ${dayAndClock(start, zone)}.`)} />
        ) : (
          <>
            <dl className="booking-facts">
              <dt>When</dt>
              <dd>
                {dayAndClock(current.start, zone)} – {clock(current.end, zone)}
              </dd>
              <dt>Status</dt>
              <dd>
                <BookingStatusBadge status={current.status} />
              </dd>
              <dt>Service</dt>
              <dd>{current.service?.name ?? '—'}</dd>
              <dt>Who does it</dt>
              <dd>{current.resource.name}</dd>
              <dt>Customer</dt>
              <dd>
                {current.customer.name}
                {current.customer.phone && (
                  <span className="booking-contact">
                    {' '}
                    <a href={`tel:${current.customer.phone}`}>Call {formatPhone(current.customer.phone)}</a> · <a href={`sms:${current.customer.phone}`}>Text</a>
                  </span>
                )}
                {current.customer.email && (
                  <span className="booking-contact">
                    {' '}
                    · <a href={`mailto:${current.customer.email}`}>{current.customer.email}</a>
                  </span>
                )}
              </dd>
              <dt>Price</dt>
              <dd>
                {formatMoney(current.priceCents)}
                {current.depositCents > 0 && ` (deposit ${formatMoney(current.depositCents)}${current.depositPaid ? ', paid' : ', not paid yet'})`}
              </dd>
              {current.address && (
                <>
                  <dt>Address</dt>
                  <dd>{current.address}</dd>
                </>
              )}
              {current.notes && (
                <>
                  <dt>Notes</dt>
                  <dd>{current.notes}</dd>
                </>
              )}
              {current.cancellationNote && (
                <>
                  <dt>Cancellation</dt>
                  <dd>{current.cancellationNote}</dd>
                </>
              )}
            </dl>
            {mode === 'cancel' ? (
              <div className="booking-cancel">
                <div className="form-field">
                  <label htmlFor="cancel-reason">
                    Reason <span className="optional">(optional)</span>
                  </label>
                  <input id="cancel-reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
                </div>
                <div className="dialog-actions">
                  <button type="button" className="button button-ghost" onClick={() => setMode('details')} disabled={change.isPending}>
                    Keep it
                  </button>
                  <button type="button" className="button button-danger-solid" disabled={change.isPending} onClick={() => act({ action: 'cancel', ...(reason.trim() ? { reason: reason.trim() } : {}) }, 'Cancelled.')}>
                    Cancel booking
                  </button>
                </div>
              </div>
            ) : (
              isOpenBooking(current) && (
                <div className="dialog-actions booking-actions">
                  {current.status === 'held' && (
                    <button type="button" className="button button-primary" disabled={change.isPending} onClick={() => act({ action: 'confirm' }, 'Confirmed.')}>
                      Confirm
                    </button>
                  )}
                  <button type="button" className="button button-ghost" disabled={change.isPending} onClick={() => setMode('move')}>
                    Move
                  </button>
                  <button type="button" className="button button-ghost" disabled={change.isPending} onClick={() => act({ action: 'complete' }, 'Marked done.')}>
                    Mark done
                  </button>
                  <button type="button" className="button button-ghost" disabled={change.isPending} onClick={() => act({ action: 'no_show' }, 'Marked as a no-show.')}>
                    No-show
                  </button>
                  <button type="button" className="button button-danger" disabled={change.isPending} onClick={() => setMode('cancel')}>
                    Cancel…
                  </button>
                </div>
              )
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
