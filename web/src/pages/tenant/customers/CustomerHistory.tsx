import { Link } from '@tanstack/react-router';
import type { CustomerHistoryEntry } from '../../../api/types.ts';
import { bookingDay } from '../../../lib/customer-format.ts';
import { todayIn } from '../../../lib/calendar-time.ts';
import { whenOnBusinessClock } from '../../../lib/tenant-format.ts';
import { historyLine } from './history-lines.ts';

/** Every call, voicemail, text, booking and website request of this customer, newest first, on the business's clock. */
export function CustomerHistory({ tenantId, entries, timeZone }: { tenantId: string; entries: CustomerHistoryEntry[]; timeZone: string }) {
  const today = todayIn(timeZone);
  return (
    <section className="settings-card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {entries.length === 0 ? (
        <p className="muted">No calls, texts or bookings yet. They show up here as they happen.</p>
      ) : (
        <ol className="customer-history" data-testid="customer-history">
          {entries.map((entry) => {
            const line = historyLine(entry, timeZone);
            return (
              <li key={`${entry.kind}:${entry.id}`} className={`history-item history-${entry.kind}`} data-kind={entry.kind}>
                <p className="history-head">
                  <strong className="history-title">{line.title}</strong>
                  {line.badge && <span className="history-badge">{line.badge}</span>}
                  <time className="muted small-text history-when" dateTime={entry.at}>
                    {whenOnBusinessClock(entry.at, timeZone, today)}
                  </time>
                </p>
                {line.detail && <p className="history-detail">{line.detail}</p>}
                <EntryLink tenantId={tenantId} entry={entry} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Where to see more of it: the booking on the calendar, the voicemail in the inbox. */
function EntryLink({ tenantId, entry }: { tenantId: string; entry: CustomerHistoryEntry }) {
  if (entry.kind === 'booking') {
    const date = bookingDay(entry.booking.start);
    return (
      <Link className="link-button small-text" to="/t/$tenantId/calendar" params={{ tenantId }} search={date ? { date, view: 'day' } : {}}>
        See it on the calendar
      </Link>
    );
  }
  if (entry.kind === 'voicemail') {
    return (
      <Link className="link-button small-text" to="/t/$tenantId/voicemails" params={{ tenantId }}>
        Listen in Voicemail
      </Link>
    );
  }
  return null;
}
