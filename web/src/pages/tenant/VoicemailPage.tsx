import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { markVoicemail } from '../../api/endpoints.ts';
import { keys, listItems, voicemailsQuery } from '../../api/queries.ts';
import type { Paged, VoicemailEntry } from '../../api/types.ts';
import { ListToolbar, LiveList } from '../../components/tenant/LiveList.tsx';
import { useTenant } from '../../components/tenant/TenantContext.tsx';
import { formatPhone } from '../../lib/format.ts';
import { callerLabel, formatDateTime, formatDuration } from '../../lib/tenant-format.ts';

/** Messages callers left, newest first; new ones stand out until marked as listened. */
export function VoicemailPage() {
  const tenant = useTenant();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(voicemailsQuery(tenant.id));
  const mark = useMutation({
    mutationFn: (voicemail: VoicemailEntry) => markVoicemail(tenant.id, voicemail.id, !voicemail.listened),
    // The answer is the voicemail as it is now: put it in place, no refetch needed.
    onSuccess: (updated) =>
      queryClient.setQueryData<InfiniteData<Paged<VoicemailEntry>>>(keys.voicemails(tenant.id), (data) =>
        data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) },
      ),
  });
  const unheard = listItems(query.data).filter((v) => !v.listened).length;

  return (
    <section aria-labelledby="voicemail-title">
      <ListToolbar
        id="voicemail-title"
        title="Voicemail"
        summary={unheard > 0 ? `${unheard} new ${unheard === 1 ? 'message' : 'messages'}` : 'Messages callers left for you.'}
        onRefresh={() => void query.refetch()}
      />
      {mark.isError && (
        <p className="form-alert" role="alert">
          {errorMessage(mark.error)}
        </p>
      )}
      <LiveList query={query} noun="voicemail" empty={{ title: 'No voicemail yet', body: <p>When a caller leaves a message, you can listen to it here. We also text you a link.</p> }}>
        {(voicemails) => (
          <ul className="record-list" data-testid="voicemail-list">
            {voicemails.map((voicemail) => (
              <VoicemailItem key={voicemail.id} voicemail={voicemail} busy={mark.isPending && mark.variables?.id === voicemail.id} onToggle={() => mark.mutate(voicemail)} />
            ))}
          </ul>
        )}
      </LiveList>
    </section>
  );
}

function VoicemailItem({ voicemail, busy, onToggle }: { voicemail: VoicemailEntry; busy: boolean; onToggle: () => void }) {
  const caller = callerLabel(voicemail.callerName, voicemail.from);
  return (
    <li className={`record-item${voicemail.listened ? '' : ' is-unread'}`} data-call-sid={voicemail.callSid}>
      <div className="record-main">
        <p className="record-title">
          {!voicemail.listened && <span className="new-badge">New</span>}
          <strong>{caller}</strong>
          {voicemail.callerName && <span className="muted small-text"> {formatPhone(voicemail.from)}</span>}
        </p>
        <p className="muted small-text">
          <time dateTime={voicemail.createdAt}>{formatDateTime(voicemail.createdAt)}</time> · {formatDuration(voicemail.durationSec)}
        </p>
      </div>
      <div className="record-actions">
        {voicemail.recordingUrl && (
          <a className="button button-ghost" href={voicemail.recordingUrl} target="_blank" rel="noopener noreferrer">
            ▶ Play<span className="visually-hidden"> message from {caller} (opens in a new tab)</span>
          </a>
        )}
        <button type="button" className="button button-ghost" onClick={onToggle} disabled={busy}>
          {voicemail.listened ? 'Mark as new' : 'Mark as listened'}
        </button>
      </div>
    </li>
  );
}
