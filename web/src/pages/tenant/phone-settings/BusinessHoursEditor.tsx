import { WEEKDAY_NAMES, WEEKDAYS, type Period, type Weekday } from '../../../../../domain/weekly-hours.ts';
import type { HoursByDay } from './form-values.ts';

interface BusinessHoursEditorProps {
  hours: HoursByDay;
  /** The message for one period (`businessHours.mon.1` in the API's words), if any. */
  errorAt: (day: Weekday, index: number) => string | undefined;
  disabled: boolean;
  onChange: (hours: HoursByDay) => void;
  /** What the group is called for screen readers (a team member's week is not the business's). */
  label?: string;
  /** The API field the hours are sent as, for the error markers (`businessHours.mon.1`). */
  fieldName?: string;
}

const DEFAULT_PERIOD: Period = ['09:00', '17:00'];

/** Opening times per weekday; several periods a day (split shifts), a day with none is closed. */
export function BusinessHoursEditor({ hours, errorAt, disabled, onChange, label = 'Business hours by day', fieldName = 'businessHours' }: BusinessHoursEditorProps) {
  const setDay = (day: Weekday, periods: Period[]) => onChange({ ...hours, [day]: periods });

  function addPeriod(day: Weekday) {
    const last = hours[day].at(-1);
    // A new period starts an hour after the last one closes, so it never overlaps by default.
    const next: Period = last ? nextPeriodAfter(last) : DEFAULT_PERIOD;
    setDay(day, [...hours[day], next]);
  }

  function copyToAllDays(from: Weekday) {
    onChange(Object.fromEntries(WEEKDAYS.map((day) => [day, hours[from].map(([s, e]) => [s, e] as Period)])) as unknown as HoursByDay);
  }

  return (
    <div className="hours-editor" role="group" aria-label={label}>
      {WEEKDAYS.map((day) => {
        const name = WEEKDAY_NAMES[day];
        return (
          <div key={day} className="hours-day" data-day={day}>
            <div className="hours-day-name">{name}</div>
            <div className="hours-periods">
              {hours[day].length === 0 && <span className="muted hours-closed">Closed</span>}
              {hours[day].map(([start, end], index) => {
                const errorId = `hours-${day}-${index}-error`;
                const error = errorAt(day, index);
                const update = (which: 0 | 1, value: string) => setDay(day, hours[day].map((period, i) => (i === index ? ((which === 0 ? [value, period[1]] : [period[0], value]) as Period) : period)));
                return (
                  <div key={index} className={`hours-period${error ? ' has-error' : ''}`}>
                    <input
                      type="time"
                      step={60}
                      aria-label={`${name} period ${index + 1} opens`}
                      value={start}
                      disabled={disabled}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      onChange={(event) => update(0, event.target.value)}
                    />
                    <span aria-hidden="true">to</span>
                    <input
                      type="time"
                      step={60}
                      aria-label={`${name} period ${index + 1} closes`}
                      value={end}
                      disabled={disabled}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      onChange={(event) => update(1, event.target.value)}
                    />
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${name} period ${index + 1}`}
                      disabled={disabled}
                      onClick={() => setDay(day, hours[day].filter((_, i) => i !== index))}
                    >
                      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                      </svg>
                    </button>
                    {error && (
                      <p id={errorId} className="field-error hours-error" data-field-error={`${fieldName}.${day}.${index}`}>
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
            <div className="hours-day-actions">
              <button type="button" className="link-button as-button" disabled={disabled || hours[day].length >= 6} onClick={() => addPeriod(day)}>
                + Add hours<span className="visually-hidden"> on {name}</span>
              </button>
              {day === 'mon' && (
                <button type="button" className="link-button as-button" disabled={disabled} onClick={() => copyToAllDays('mon')}>
                  Copy Monday to every day
                </button>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function nextPeriodAfter([, end]: Period): Period {
  const [h, m] = end.split(':').map(Number);
  const startHour = Math.min((h ?? 17) + 1, 22);
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${pad(startHour)}:${pad(m ?? 0)}`, `${pad(Math.min(startHour + 2, 23))}:${pad(m ?? 0)}`];
}
