import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { markVoicemail } from '../../api/endpoints.ts';
import { keys, listItems, voicemailsQuery } from '../../api/queries.ts';
import type { Paged, VoicemailEntry } from '../../api/types.ts';
import { CallerName } from '../../components/tenant/CallerName.tsx';
import { ListToolbar, LiveList } from '../../components/tenant/LiveList.tsx';
import { useTenant } from '../../components/tenant/TenantContext.tsx';
import { formatPhone } from '../../lib/format.ts';
import { callerLabel, formatDateTime, formatDuration } from '../../lib/tenant-format.ts';
import { RecordingPlayer, Transcript } from './voicemail/RecordingPlayer.tsx';

/** Messages callers left, newest first, each with a player and its transcript; new ones stand out until played or marked. */
export function VoicemailPage() {
  const tenant = useTenant();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(voicemailsQuery(tenant.id));
  const mark = useMutation({
    mutationFn: ({ voicemail, listened }: { voicemail: VoicemailEntry; listened: boolean }) => markVoicemail(tenant.id, voicemail.id, listened),
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
              <VoicemailItem
                key={voicemail.id}
                tenantId={tenant.id}
                voicemail={voicemail}
                busy={mark.isPending && mark.variables?.voicemail.id === voicemail.id}
                onToggle={() => mark.mutate({ voicemail, listened: !voicemail.listened })}
                onPlay={() => !voicemail.listened && mark.mutate({ voicemail, listened: true })}
              />
            ))}
          </ul>
        )}
      </LiveList>
    </section>
  );
}

function VoicemailItem({ tenantId, voicemail, busy, onToggle, onPlay }: { tenantId: string; voicemail: VoicemailEntry; busy: boolean; onToggle: () => void; onPlay: () => void }) {
  const caller = callerLabel(voicemail.callerName, voicemail.from);
  return (
    <li className={`record-item${voicemail.listened ? '' : ' is-unread'}`} data-call-sid={voicemail.callSid} data-voicemail-id={voicemail.id}>
      <div className="record-main">
        <p className="record-title">
          {!voicemail.listened && <span className="new-badge">New</span>}
          <CallerName tenantId={tenantId} name={voicemail.callerName} number={voicemail.from} customerId={voicemail.customerId} />
          {voicemail.callerName && <span className="muted small-text"> {formatPhone(voicemail.from)}</span>}
        </p>
        <p className="muted small-text">
          <time dateTime={voicemail.createdAt}>{formatDateTime(voicemail.createdAt)}</time> · {formatDuration(voicemail.durationSec)}
        </p>
      </div>
      <div className="record-actions">
        <button type="button" className="button button-ghost" onClick={onToggle} disabled={busy}>
          {voicemail.listened ? 'Mark as new' : 'Mark as listened'}
        </button>
      </div>
      <div className="voicemail-body">
        {voicemail.recording ? (
          <RecordingPlayer recording={voicemail.recording} label={`Message from ${caller}`} onPlay={onPlay} />
        ) : (
          <p className="muted small-text">No recording is available for this message.</p>
        )}
        <Transcript transcript={voicemail.transcript} />
      </div>
    </li>
  );
}
