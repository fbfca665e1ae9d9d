import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../../api/types.ts';
import { CallerName } from '../../../components/tenant/CallerName.tsx';
import { formatPhone } from '../../../lib/format.ts';
import { OUTCOME_LABELS, whenOnBusinessClock } from '../../../lib/tenant-format.ts';

type ListSection = 'calls' | 'voicemails' | 'texts';

function DashboardList({ tenantId, section, title, more, empty, testId, children }: { tenantId: string; section: ListSection; title: string; more: string; empty: string | null; testId: string; children: ReactNode }) {
  const id = `dashboard-${section}`;
  return (
    <section className="dashboard-card" aria-labelledby={id} data-testid={testId}>
      <div className="dashboard-card-header">
        <h2 id={id}>{title}</h2>
        <Link to={`/t/$tenantId/${section}`} params={{ tenantId }}>
          {more} <span aria-hidden="true">→</span>
        </Link>
      </div>
      {empty ? <p className="muted">{empty}</p> : <ul className="dashboard-rows">{children}</ul>}
    </section>
  );
}

/** The business's clock and date: every time on its home page is shown on it, whatever the browser's zone. */
type Clock = { timeZone: string; today: string };

/** Today's latest calls. */
export function LatestCalls({ tenantId, calls, clock }: { tenantId: string; calls: Dashboard['calls']; clock: Clock }) {
  return (
    <DashboardList tenantId={tenantId} section="calls" title="Latest calls" more="All calls" testId="latest-calls" empty={calls.latest.length ? null : 'No calls yet today.'}>
      {calls.latest.map((call) => (
        <li key={call.id} data-call-sid={call.callSid}>
          <time dateTime={call.startedAt}>{whenOnBusinessClock(call.startedAt, clock.timeZone, clock.today)}</time>
          <CallerName tenantId={tenantId} name={call.callerName} number={call.from} customerId={call.customerId} />
          <span className={`outcome-pill outcome-${call.outcome}`}>{OUTCOME_LABELS[call.outcome]}</span>
        </li>
      ))}
    </DashboardList>
  );
}

export function NewVoicemail({ tenantId, voicemail, clock }: { tenantId: string; voicemail: Dashboard['voicemail']; clock: Clock }) {
  return (
    <DashboardList tenantId={tenantId} section="voicemails" title="New voicemail" more="Listen" testId="new-voicemail" empty={voicemail.latest.length ? null : 'No new voicemail.'}>
      {voicemail.latest.map((message) => (
        <li key={message.id}>
          <time dateTime={message.createdAt}>{whenOnBusinessClock(message.createdAt, clock.timeZone, clock.today)}</time>
          <CallerName tenantId={tenantId} name={message.callerName} number={message.from} customerId={message.customerId} />
          {message.callerName && <span className="muted small-text">{formatPhone(message.from)}</span>}
        </li>
      ))}
    </DashboardList>
  );
}

/** Customers whose last text nobody has answered yet, with what they wrote. */
export function WaitingTexts({ tenantId, texts, clock }: { tenantId: string; texts: Dashboard['texts']; clock: Clock }) {
  return (
    <DashboardList tenantId={tenantId} section="texts" title="Texts to answer" more="All texts" testId="waiting-texts" empty={texts.latest.length ? null : 'Nobody is waiting for an answer.'}>
      {texts.latest.map((text) => (
        <li key={text.counterpart} className="dashboard-text">
          <time dateTime={text.receivedAt}>{whenOnBusinessClock(text.receivedAt, clock.timeZone, clock.today)}</time>
          <CallerName tenantId={tenantId} name={text.customerName} number={text.counterpart} customerId={text.customerId} />
          <q className="dashboard-text-body">{text.body}</q>
        </li>
      ))}
    </DashboardList>
  );
}
