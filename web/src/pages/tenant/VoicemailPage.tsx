import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { fetchVoicemails, markVoicemail } from '../../api/tenant-endpoints.ts';
import type { TenantSummary, VoicemailEntry } from '../../api/tenant-types.ts';
import { ListEmpty, ListError, ListLoading, LoadMore } from '../../components/tenant/ListStates.tsx';
import { formatPhone } from '../../lib/format.ts';
import { callerLabel, formatDateTime, formatDuration } from '../../lib/tenant-format.ts';
import { usePaged } from '../../lib/use-paged.ts';

/** Messages callers left, newest first; new ones stand out until marked as listened. */
export function VoicemailPage({ tenant }: { tenant: TenantSummary }) {
  const { state, loadMore, replace, reload } = usePaged(tenant.id, (cursor, signal) => fetchVoicemails(tenant.id, cursor, signal));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function toggle(voicemail: VoicemailEntry) {
    setBusyId(voicemail.id);
    setActionError(null);
    try {
      replace(await markVoicemail(tenant.id, voicemail.id, !voicemail.listened));
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  const unheard = state.kind === 'ready' ? state.items.filter((v) => !v.listened).length : 0;

  return (
    <section aria-labelledby="voicemail-title">
      <div className="page-toolbar">
        <div>
          <h1 id="voicemail-title">Voicemail</h1>
          <p className="muted">{state.kind === 'ready' && unheard > 0 ? `${unheard} new ${unheard === 1 ? 'message' : 'messages'}` : 'Messages callers left for you.'}</p>
        </div>
        <button type="button" className="button button-ghost" onClick={reload}>
          Refresh
        </button>
      </div>
      {actionError && (
        <p className="form-alert" role="alert">
          {actionError}
        </p>
      )}

      {state.kind === 'loading' && <ListLoading label="Loading voicemail…" />}
      {state.kind === 'error' && <ListError title="We couldn't load your voicemail" message={state.message} onRetry={reload} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <ListEmpty title="No voicemail yet">
          <p>When a caller leaves a message, you can listen to it here. We also text you a link.</p>
        </ListEmpty>
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <ul className="record-list" data-testid="voicemail-list">
            {state.items.map((voicemail) => (
              <li key={voicemail.id} className={`record-item${voicemail.listened ? '' : ' is-unread'}`} data-call-sid={voicemail.callSid}>
                <div className="record-main">
                  <p className="record-title">
                    {!voicemail.listened && <span className="new-badge">New</span>}
                    <strong>{callerLabel(voicemail.callerName, voicemail.from)}</strong>
                    {voicemail.callerName && <span className="muted small-text"> {formatPhone(voicemail.from)}</span>}
                  </p>
                  <p className="muted small-text">
                    <time dateTime={voicemail.createdAt}>{formatDateTime(voicemail.createdAt)}</time> · {formatDuration(voicemail.durationSec)}
                  </p>
                </div>
                <div className="record-actions">
                  {voicemail.recordingUrl && (
                    <a className="button button-ghost" href={voicemail.recordingUrl} target="_blank" rel="noopener noreferrer">
                      ▶ Play<span className="visually-hidden"> message from {callerLabel(voicemail.callerName, voicemail.from)} (opens in a new tab)</span>
                    </a>
                  )}
                  <button type="button" className="button button-ghost" onClick={() => toggle(voicemail)} disabled={busyId === voicemail.id}>
                    {voicemail.listened ? 'Mark as new' : 'Mark as listened'}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={Boolean(state.nextCursor)} loading={state.loadingMore} error={state.moreError} onMore={loadMore} />
        </>
      )}
    </section>
  );
}
