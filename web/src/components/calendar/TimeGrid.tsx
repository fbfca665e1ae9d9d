import { useRef } from 'react';
import type { BookingView } from '../../api/booking-types.ts';
import { clock, hourLabel, hourRange, lanes, onClock } from '../../lib/calendar-time.ts';
import { bookingTitle, isOpenBooking } from './booking-labels.ts';
import { HOUR_PX, PX_PER_MIN, type DropTarget, type GridColumn } from './grid-types.ts';
import { useDragMove } from './use-drag-move.ts';

interface TimeGridProps {
  columns: GridColumn[];
  bookings: BookingView[];
  timeZone: string;
  /** The slot interval: drags snap to it. */
  interval: number;
  /** Desktop: blocks drag to move. Phone: they only open. */
  canDrag: boolean;
  /** A move being saved (shown where it was dropped until the answer). */
  pending: ({ bookingId: string } & DropTarget) | null;
  onOpen: (booking: BookingView) => void;
  onDrop: (booking: BookingView, column: GridColumn, minutes: number) => void;
}

interface Placed {
  booking: BookingView;
  columnKey: string;
  start: number;
  end: number;
}

/** Where each booking sits: its column and its minutes on the business's clock (a job past midnight ends at the bottom). */
function place(columns: GridColumn[], bookings: BookingView[], timeZone: string): Placed[] {
  const placed: Placed[] = [];
  for (const booking of bookings) {
    const start = onClock(booking.start, timeZone);
    const end = onClock(booking.end, timeZone);
    const column = columns.find((c) => c.date === start.date && (c.resourceId === null || c.resourceId === booking.resource.id));
    if (column) placed.push({ booking, columnKey: column.key, start: start.minutes, end: end.date === start.date ? end.minutes : 24 * 60 });
  }
  return placed;
}

/** Days or resources side by side over the hours of the day, each booking a block you can open or drag. */
export function TimeGrid({ columns, bookings, timeZone, interval, canDrag, pending, onOpen, onDrop }: TimeGridProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const placed = place(columns, bookings, timeZone);
  const hours = hourRange(placed);
  const byId = new Map(placed.map((p) => [p.booking.id, p]));
  const { preview, handlers } = useDragMove(
    gridRef,
    interval,
    (bookingId, target) => {
      const column = columns.find((c) => c.key === target.columnKey);
      const found = byId.get(bookingId);
      if (column && found) onDrop(found.booking, column, target.minutes);
    },
    (bookingId) => {
      const found = byId.get(bookingId);
      if (found) onOpen(found.booking);
    },
  );
  const hourList = Array.from({ length: hours.to - hours.from }, (_, i) => hours.from + i);
  const top = (minutes: number) => (minutes - hours.from * 60) * PX_PER_MIN;

  return (
    <div className="time-grid" style={{ ['--columns' as string]: columns.length }}>
      <div className="time-grid-head" aria-hidden="true">
        <span />
        {columns.map((column) => (
          <span key={column.key} className="time-grid-column-label">
            {column.label}
          </span>
        ))}
      </div>
      <div className="time-grid-body" ref={gridRef} style={{ height: hourList.length * HOUR_PX }}>
        <div className="time-grid-hours" aria-hidden="true">
          {hourList.map((hour) => (
            <span key={hour} style={{ top: top(hour * 60) }}>
              {hourLabel(hour)}
            </span>
          ))}
        </div>
        {columns.map((column) => {
          const here = placed.filter((p) => p.columnKey === column.key);
          const laneOf = lanes(here.map((p) => ({ id: p.booking.id, start: p.start, end: p.end })));
          return (
            <section key={column.key} className="time-grid-column" data-column-key={column.key} data-date={column.date} data-resource-id={column.resourceId ?? ''} aria-label={column.label}>
              {hourList.map((hour) => (
                <div key={hour} className="time-grid-hour-line" style={{ top: top(hour * 60) }} />
              ))}
              {here.length === 0 && <span className="visually-hidden">Nothing booked</span>}
              {here.map((p) => {
                const lane = laneOf.get(p.booking.id) ?? { lane: 0, of: 1 };
                const moving = preview?.bookingId === p.booking.id ? preview : pending?.bookingId === p.booking.id ? pending : null;
                const draggable = canDrag && isOpenBooking(p.booking);
                return (
                  <BookingBlock
                    key={p.booking.id}
                    booking={p.booking}
                    timeZone={timeZone}
                    style={{
                      top: top(moving ? moving.minutes : p.start),
                      height: Math.max(22, (p.end - p.start) * PX_PER_MIN - 2),
                      left: moving ? '2px' : `calc(${(lane.lane / lane.of) * 100}% + 2px)`,
                      width: moving ? 'calc(100% - 4px)' : `calc(${100 / lane.of}% - 4px)`,
                      // A block dragged to another column is drawn there by offsetting it by whole columns.
                      transform: moving && moving.columnKey !== column.key ? `translateX(${(columns.findIndex((c) => c.key === moving.columnKey) - columns.indexOf(column)) * 100}%)` : undefined,
                    }}
                    moving={moving !== null}
                    draggable={draggable}
                    {...handlers(p.booking.id, column.key, p.start, draggable)}
                  />
                );
              })}
            </section>
          );
        })}
      </div>
    </div>
  );
}

type BlockProps = {
  booking: BookingView;
  timeZone: string;
  style: React.CSSProperties;
  moving: boolean;
  draggable: boolean;
} & ReturnType<ReturnType<typeof useDragMove>['handlers']>;

function BookingBlock({ booking, timeZone, style, moving, draggable, ...events }: BlockProps) {
  return (
    <button
      type="button"
      className={`booking-block booking-${booking.status}${moving ? ' is-moving' : ''}${draggable ? ' is-draggable' : ''}`}
      style={style}
      data-booking-id={booking.id}
      data-status={booking.status}
      aria-label={`${bookingTitle(booking)}, ${clock(booking.start, timeZone)} to ${clock(booking.end, timeZone)}, ${booking.resource.name}`}
      {...events}
    >
      <span className="booking-block-time">{clock(booking.start, timeZone)}</span>
      <span className="booking-block-title">{booking.customer.name}</span>
      <span className="booking-block-meta">{booking.service?.name ?? ''}</span>
    </button>
  );
}
