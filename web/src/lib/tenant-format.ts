// Plain-words formatting for the tenant app: call lengths, times, outcomes, text statuses.
import type { CallOutcome, MessageEntry, MessageStatus } from '../api/types.ts';
import { formatPhone } from './format.ts';

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
}

/** "Ana Lopez" when the caller is a known customer, else their number. */
export function callerLabel(name: string | null, number: string): string {
  return name ?? formatPhone(number);
}

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: 'Answered',
  voicemail: 'Left a voicemail',
  missed: 'Missed',
  abandoned: 'Hung up',
};

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  received: 'Received',
  queued: 'Sending',
  sent: 'Sent',
  blocked_opt_out: 'Blocked — they texted STOP',
  // Every held text has a time it goes out; one without (held before texts had timers) never will.
  blocked_quiet_hours: 'Not sent — quiet hours',
  blocked_destination: 'Not sent — number not allowed',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** "8:00 AM" on the business's clock (with a plain space: Intl puts a narrow one before AM). */
export function clockTime(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
  }
  return Number.isNaN(time) ? iso : format.format(time).replace(/\u202f/g, ' ');
}

/** What became of a text, in words: "Held until 8:00 AM" for one waiting for quiet hours to end. */
export function messageStatusLabel(message: Pick<MessageEntry, 'status' | 'heldUntil' | 'timeZone'>): string {
  if (message.status === 'blocked_quiet_hours' && message.heldUntil) return `Held until ${clockTime(message.heldUntil, message.timeZone)}`;
  return MESSAGE_STATUS_LABELS[message.status] ?? message.status;
}

/** The date of `iso` on the business's clock, as YYYY-MM-DD. */
function businessDate(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(Date.parse(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/** "7:11 PM" for a moment of `today` (the business's date), else "Dec 1, 7:11 PM" — always on the business's clock. */
export function whenOnBusinessClock(iso: string, timeZone: string, today: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  const time = clockTime(iso, timeZone);
  const date = businessDate(iso, timeZone);
  if (date === today) return time;
  const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
  return `${day}, ${time}`;
}
