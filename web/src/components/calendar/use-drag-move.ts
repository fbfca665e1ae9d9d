import { useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { snap } from '../../lib/calendar-time.ts';
import { PX_PER_MIN, type DropTarget } from './grid-types.ts';

interface DragStart {
  bookingId: string;
  columnKey: string;
  minutes: number;
  x: number;
  y: number;
  moved: boolean;
}

/** A pointer has to travel this far before a press becomes a drag (else it is a click that opens the booking). */
const DRAG_THRESHOLD_PX = 5;

/**
 * Dragging a booking block with pointer events: the block follows the pointer in slot-interval
 * steps, across columns (`[data-column-key]` inside `gridRef`); on release `onDrop` decides. A
 * press that does not move is a click (`onClick` opens the booking). Touch does not drag: the
 * phone moves a booking through its sheet.
 */
export function useDragMove(gridRef: RefObject<HTMLElement | null>, interval: number, onDrop: (bookingId: string, target: DropTarget) => void, onClick: (bookingId: string) => void) {
  const start = useRef<DragStart | null>(null);
  const suppressClick = useRef(false);
  const [preview, setPreview] = useState<{ bookingId: string } & DropTarget | null>(null);

  const columnAt = (x: number): string | null => {
    for (const column of gridRef.current?.querySelectorAll<HTMLElement>('[data-column-key]') ?? []) {
      const box = column.getBoundingClientRect();
      if (x >= box.left && x < box.right) return column.dataset.columnKey ?? null;
    }
    return null;
  };

  const targetOf = (event: ReactPointerEvent, from: DragStart): DropTarget => ({
    columnKey: columnAt(event.clientX) ?? from.columnKey,
    minutes: Math.max(0, Math.min(24 * 60 - interval, snap(from.minutes + (event.clientY - from.y) / PX_PER_MIN, interval))),
  });

  const handlers = (bookingId: string, columnKey: string, minutes: number, draggable: boolean) => ({
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
      if (!draggable || event.pointerType === 'touch' || event.button !== 0) return;
      start.current = { bookingId, columnKey, minutes, x: event.clientX, y: event.clientY, moved: false };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: ReactPointerEvent<HTMLElement>) => {
      const from = start.current;
      if (!from || from.bookingId !== bookingId) return;
      if (!from.moved && Math.hypot(event.clientX - from.x, event.clientY - from.y) < DRAG_THRESHOLD_PX) return;
      from.moved = true;
      setPreview({ bookingId, ...targetOf(event, from) });
    },
    onPointerUp: (event: ReactPointerEvent<HTMLElement>) => {
      const from = start.current;
      start.current = null;
      if (!from || from.bookingId !== bookingId) return;
      setPreview(null);
      if (!from.moved) return;
      suppressClick.current = true;
      const target = targetOf(event, from);
      if (target.columnKey !== from.columnKey || target.minutes !== from.minutes) onDrop(bookingId, target);
    },
    // The click after a drag is not a request to open the booking.
    onClick: () => {
      if (suppressClick.current) suppressClick.current = false;
      else onClick(bookingId);
    },
    onPointerCancel: () => {
      start.current = null;
      setPreview(null);
    },
  });

  return { preview, handlers };
}
