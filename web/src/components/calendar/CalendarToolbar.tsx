import type { ResourceChoice } from '../../api/booking-types.ts';
import { dayLabel, type CalendarView } from '../../lib/calendar-time.ts';

interface CalendarToolbarProps {
  view: CalendarView;
  dates: string[];
  zoneName: string;
  resources: ResourceChoice[];
  resource: string | undefined;
  /** The phone's day view shows one resource: "All" is not offered there. */
  allowAll: boolean;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
  onView: (view: CalendarView) => void;
  onResource: (resourceId: string | undefined) => void;
  onNew: () => void;
}

/** Where the calendar is (the dates, the zone) and the ways to go elsewhere. */
export function CalendarToolbar({ view, dates, zoneName, resources, resource, allowAll, onStep, onToday, onView, onResource, onNew }: CalendarToolbarProps) {
  const heading = view === 'week' ? `${dayLabel(dates[0]!, 'long')} – ${dayLabel(dates[dates.length - 1]!, 'long')}` : dayLabel(dates[0]!, 'long');
  return (
    <div className="calendar-toolbar">
      <div className="calendar-toolbar-row">
        <h1 id="calendar-title" className="calendar-heading">
          {heading}
        </h1>
        <button type="button" className="button button-primary" onClick={onNew}>
          New booking
        </button>
      </div>
      <p className="muted small-text calendar-zone">Times in {zoneName}</p>
      <div className="calendar-toolbar-row calendar-controls">
        <div className="calendar-steps" role="group" aria-label="Go to">
          <button type="button" className="button button-ghost" onClick={() => onStep(-1)} aria-label={view === 'week' ? 'Previous week' : 'Previous day'}>
            ‹
          </button>
          <button type="button" className="button button-ghost" onClick={onToday}>
            Today
          </button>
          <button type="button" className="button button-ghost" onClick={() => onStep(1)} aria-label={view === 'week' ? 'Next week' : 'Next day'}>
            ›
          </button>
        </div>
        <div className="calendar-views" role="group" aria-label="View">
          {(['day', 'week'] as const).map((v) => (
            <button key={v} type="button" className={`button ${view === v ? 'button-primary' : 'button-ghost'}`} aria-pressed={view === v} onClick={() => onView(v)}>
              {v === 'day' ? 'Day' : 'Week'}
            </button>
          ))}
        </div>
        <label className="calendar-resource">
          <span className="visually-hidden">Resource</span>
          <select value={resource ?? ''} onChange={(event) => onResource(event.target.value || undefined)} aria-label="Resource">
            {allowAll && <option value="">Everyone</option>}
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
