// Plain-words formatting for the tenant app: call lengths, times, outcomes, text statuses.
import type { CallOutcome, MessageStatus } from '../api/tenant-types.ts';
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
  blocked_quiet_hours: 'Held — quiet hours',
  cancelled: 'Cancelled',
  failed: 'Failed',
};
