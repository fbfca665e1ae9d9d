import type { CalendarView } from './calendar-time.ts';

/** What the calendar's URL keeps: the view, the date on the business's clock, and one resource (none = all). */
export interface CalendarSearch {
  view?: CalendarView;
  date?: string;
  resource?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Anything else in the URL is dropped rather than trusted. */
export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const out: CalendarSearch = {};
  if (search.view === 'week' || search.view === 'day') out.view = search.view;
  if (typeof search.date === 'string' && DATE.test(search.date) && !Number.isNaN(Date.parse(search.date))) out.date = search.date;
  if (typeof search.resource === 'string' && /^[\w-]{1,64}$/.test(search.resource)) out.resource = search.resource;
  return out;
}
