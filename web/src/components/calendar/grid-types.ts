/** One column of the time grid: a day (week view) or a resource on a day (day view). */
export interface GridColumn {
  key: string;
  date: string;
  /** null: every resource's bookings in this column. */
  resourceId: string | null;
  label: string;
}

/** Where a dragged booking would land: a column and a start, minutes past local midnight. */
export interface DropTarget {
  columnKey: string;
  minutes: number;
}

export const HOUR_PX = 56;
export const PX_PER_MIN = HOUR_PX / 60;
