import { fetchMessages } from '../../api/tenant-endpoints.ts';
import type { TenantSummary } from '../../api/tenant-types.ts';
import { ListEmpty, ListError, ListLoading, LoadMore } from '../../components/tenant/ListStates.tsx';
import { callerLabel, formatDateTime, messageStatusLabel } from '../../lib/tenant-format.ts';
import { usePaged } from '../../lib/use-paged.ts';

/** Every text to and from the business number — in the local sandbox too — with what became of it. */
export function TextsPage({ tenant }: { tenant: TenantSummary }) {
  const { state, loadMore, reload } = usePaged(tenant.id, (cursor, signal) => fetchMessages(tenant.id, cursor, signal));

  return (
    <section aria-labelledby="texts-title">
      <div className="page-toolbar">
        <div>
          <h1 id="texts-title">Texts</h1>
          <p className="muted">Texts customers sent you, and the ones we sent for you.</p>
        </div>
        <button type="button" className="button button-ghost" onClick={reload}>
          Refresh
        </button>
      </div>

      {state.kind === 'loading' && <ListLoading label="Loading texts…" />}
      {state.kind === 'error' && <ListError title="We couldn't load your texts" message={state.message} onRetry={reload} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <ListEmpty title="No texts yet">
          <p>Texts from customers and the replies we send for you will show up here.</p>
        </ListEmpty>
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <ul className="record-list" data-testid="message-list">
            {state.items.map((message) => (
              <li key={message.id} className={`record-item message-${message.direction}`} data-status={message.status}>
                <div className="record-main">
                  <p className="record-title">
                    <span className="direction-label">{message.direction === 'inbound' ? 'From' : 'To'}</span>{' '}
                    <strong>{callerLabel(message.customerName, message.counterpart)}</strong>
                  </p>
                  <p className="message-body">{message.body}</p>
                  <p className="muted small-text">
                    <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                    {message.segments > 1 && ` · ${message.segments} parts`}
                    {message.error && ` · ${message.error}`}
                  </p>
                </div>
                <span className={`message-status msg-${message.status}`}>{messageStatusLabel(message)}</span>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={Boolean(state.nextCursor)} loading={state.loadingMore} error={state.moreError} onMore={loadMore} />
        </>
      )}
    </section>
  );
}
