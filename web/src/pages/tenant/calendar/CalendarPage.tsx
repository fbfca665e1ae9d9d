import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { bookingSettingsQuery, bookingsQuery, resourcesQuery } from '../../../api/booking-queries.ts';
import type { BookingView } from '../../../api/booking-types.ts';
import { errorMessage } from '../../../api/client.ts';
import { BookingSheet } from '../../../components/calendar/BookingSheet.tsx';
import { CalendarToolbar } from '../../../components/calendar/CalendarToolbar.tsx';
import type { DropTarget, GridColumn } from '../../../components/calendar/grid-types.ts';
import { NewBookingDialog } from '../../../components/calendar/NewBookingDialog.tsx';
import { TimeGrid } from '../../../components/calendar/TimeGrid.tsx';
import { useBookingChange } from '../../../components/calendar/use-booking-change.ts';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { ListError } from '../../../components/tenant/ListStates.tsx';
import { atClock, clock, dayLabel, stepDate, todayIn, viewDates, window, zoneName, type CalendarView } from '../../../lib/calendar-time.ts';
import type { CalendarSearch } from '../../../lib/calendar-search.ts';
import { useNarrowScreen } from '../../../lib/use-narrow-screen.ts';

/** Drags snap to the business's slot interval (Services & hours); this until it has loaded. */
const DEFAULT_SLOT_INTERVAL_MIN = 30;
/** Bookings that no longer hold time stay off the grid (the bookings list still has them). */
const ON_GRID = new Set<BookingView['status']>(['held', 'confirmed', 'completed', 'no_show']);

/**
 * The owner's calendar: a week (days side by side) or a day (resources side by side) on the
 * business's clock. Drag a block to move it; the engine's refusal snaps it back with the reason.
 * On a phone the day shows one resource at a time and moving is in the booking's sheet.
 */
export function CalendarPage() {
  const tenant = useTenant();
  const search = useSearch({ from: '/signed-in/t/$tenantId/calendar' });
  const navigate = useNavigate({ from: '/t/$tenantId/calendar' });
  const narrow = useNarrowScreen();
  const zone = tenant.timeZone;
  const view: CalendarView = search.view ?? (narrow ? 'day' : 'week');
  const date = search.date ?? todayIn(zone);
  const dates = viewDates(view, date);
  const resources = useQuery(resourcesQuery(tenant.id));
  const interval = useQuery(bookingSettingsQuery(tenant.id)).data?.slotIntervalMin ?? DEFAULT_SLOT_INTERVAL_MIN;
  const resourceList = (resources.data ?? []).filter((r) => r.active !== false);
  // The phone's day view is one column: the chosen resource, else the first.
  const resourceId = search.resource ?? (narrow && view === 'day' ? resourceList[0]?.id : undefined);
  const bookings = useQuery(bookingsQuery(tenant.id, { ...window(dates, zone), ...(resourceId ? { resourceId } : {}) }));
  const move = useBookingChange(tenant.id);
  const [pending, setPending] = useState<({ bookingId: string } & DropTarget) | null>(null);
  const [moveNote, setMoveNote] = useState<{ tone: 'ok' | 'refused'; text: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const go = (changes: Partial<CalendarSearch>) => void navigate({ search: (previous: CalendarSearch) => ({ ...previous, ...changes }) });
  const columns: GridColumn[] =
    view === 'week'
      ? dates.map((d) => ({ key: d, date: d, resourceId: resourceId ?? null, label: dayLabel(d, 'short') }))
      : resourceList.filter((r) => !resourceId || r.id === resourceId).map((r) => ({ key: r.id, date, resourceId: r.id, label: r.name }));
  const shown = (bookings.data ?? []).filter((b) => ON_GRID.has(b.status));
  const open = shown.find((b) => b.id === openId) ?? bookings.data?.find((b) => b.id === openId) ?? null;

  const drop = (booking: BookingView, column: GridColumn, minutes: number) => {
    const start = atClock(column.date, minutes, zone);
    setPending({ bookingId: booking.id, columnKey: column.key, minutes });
    setMoveNote(null);
    move.mutate(
      { booking, change: { action: 'reschedule', start, ...(column.resourceId ? { resourceId: column.resourceId } : {}) } },
      {
        onSuccess: ({ booking: moved, message }) => setMoveNote({ tone: 'ok', text: `Moved ${booking.customer.name} to ${dayLabel(column.date, 'short')}, ${clock(moved.start, zone)}.${message ? ` ${message}` : ''}` }),
        onError: (error) => setMoveNote({ tone: 'refused', text: `Not moved: ${errorMessage(error)}` }),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <section aria-labelledby="calendar-title" className="calendar-page">
      <CalendarToolbar
        view={view}
        dates={dates}
        zoneName={zoneName(zone, date)}
        resources={resourceList}
        resource={resourceId}
        allowAll={!(narrow && view === 'day')}
        onStep={(step) => go({ date: stepDate(view, date, step) })}
        onToday={() => go({ date: undefined })}
        onView={(next) => go({ view: next })}
        onResource={(next) => go({ resource: next })}
        onNew={() => setCreating(true)}
      />
      {moveNote && (
        <p className={moveNote.tone === 'ok' ? 'form-notice' : 'form-alert'} role={moveNote.tone === 'ok' ? 'status' : 'alert'} data-move-note={moveNote.tone}>
          {moveNote.text}
        </p>
      )}
      {bookings.isError && !bookings.data ? (
        <ListError title="The calendar didn't load" message={errorMessage(bookings.error)} onRetry={() => void bookings.refetch()} />
      ) : resources.isError ? (
        <ListError title="Your team didn't load" message={errorMessage(resources.error)} onRetry={() => void resources.refetch()} />
      ) : (
        <div className="calendar-scroll" aria-busy={bookings.isPending || resources.isPending}>
          <TimeGrid columns={columns} bookings={shown} timeZone={zone} interval={interval} canDrag={!narrow} pending={pending} onOpen={(b) => setOpenId(b.id)} onDrop={drop} />
        </div>
      )}
      {!narrow && <p className="muted small-text">Drag a booking to move it. Click it for details.</p>}
      {open && <BookingSheet key={open.id} tenantId={tenant.id} booking={open} onClose={() => setOpenId(null)} />}
      {creating && <NewBookingDialog defaultDate={date} defaultResourceId={resourceId} onClose={() => setCreating(false)} onCreated={(b) => go({ date: b.start.slice(0, 10) })} />}
    </section>
  );
}
