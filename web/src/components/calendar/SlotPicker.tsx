import { clock } from '../../lib/calendar-time.ts';

export interface Slot {
  start: string;
  end: string;
  resourceIds: string[];
}

/** The free starts of one day as buttons, on the business's clock. */
export function SlotPicker({ slots, timeZone, disabled, label, selected, onPick }: { slots: Slot[]; timeZone: string; disabled?: boolean; label: string; selected?: string | null; onPick: (slot: Slot) => void }) {
  if (slots.length === 0) return <p className="muted">No free times that day. Try another day.</p>;
  return (
    <div className="slot-picker" role="group" aria-label={label}>
      {slots.map((slot) => (
        <button key={slot.start} type="button" className={`slot-button${selected === slot.start ? ' is-selected' : ''}`} aria-pressed={selected === slot.start} disabled={disabled} onClick={() => onPick(slot)}>
          {clock(slot.start, timeZone)}
        </button>
      ))}
    </div>
  );
}
