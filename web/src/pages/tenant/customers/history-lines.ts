// One line of a customer's history in words: what happened ("Missed call", "They texted") and the
// detail under it (what they wrote, the job booked, the transcript).
import type { CustomerHistoryEntry } from '../../../api/types.ts';
import { BOOKING_STATUS_LABELS } from '../../../components/calendar/booking-labels.ts';
import { dayAndClock } from '../../../lib/calendar-time.ts';
import { formatDuration, MESSAGE_STATUS_LABELS } from '../../../lib/tenant-format.ts';

export interface HistoryLine {
  title: string;
  detail: string | null;
  /** A short word beside the title: a text's fate, a booking's status, "New" for an unheard voicemail. */
  badge: string | null;
}

const CALL_TITLES: Record<Extract<CustomerHistoryEntry, { kind: 'call' }>['outcome'], string> = {
  answered: 'Answered call',
  voicemail: 'Call that went to voicemail',
  missed: 'Missed call',
  abandoned: 'Call, hung up',
};

const SOURCES: Record<Extract<CustomerHistoryEntry, { kind: 'booking' }>['booking']['source'], string> = {
  web: 'on the website',
  sms: 'by text',
  voice: 'by phone',
  owner: 'by you',
};

export function historyLine(entry: CustomerHistoryEntry, timeZone: string): HistoryLine {
  switch (entry.kind) {
    case 'call':
      return { title: CALL_TITLES[entry.outcome], detail: entry.durationSec > 0 ? formatDuration(entry.durationSec) : null, badge: null };
    case 'voicemail':
      return { title: `Voicemail, ${formatDuration(entry.durationSec)}`, detail: entry.transcript, badge: entry.listened ? null : 'New' };
    case 'text': {
      const inbound = entry.direction === 'inbound';
      // Received and sent are the usual; only a text that did not simply go out says what became of it.
      const usual = entry.status === 'received' || entry.status === 'sent';
      return { title: inbound ? 'They texted' : 'We texted', detail: entry.body, badge: usual ? null : MESSAGE_STATUS_LABELS[entry.status] };
    }
    case 'booking': {
      const { booking } = entry;
      const what = booking.service?.name ?? 'A job';
      return { title: `Booked ${SOURCES[booking.source]}`, detail: `${what} · ${dayAndClock(booking.start, timeZone)} · ${booking.resource.name}`, badge: BOOKING_STATUS_LABELS[booking.status] };
    }
    case 'website_request': {
      const parts = [entry.serviceName, entry.preferredTime ? `prefers ${entry.preferredTime}` : null, entry.message].filter(Boolean);
      return { title: 'Asked on the website', detail: parts.length ? parts.join(' · ') : null, badge: null };
    }
  }
}
