import { fetchCalls } from '../../api/tenant-endpoints.ts';
import type { TenantSummary } from '../../api/tenant-types.ts';
import { ListEmpty, ListError, ListLoading, LoadMore } from '../../components/tenant/ListStates.tsx';
import { formatPhone } from '../../lib/format.ts';
import { Link } from '../../lib/router.ts';
import { callerLabel, formatDateTime, formatDuration, OUTCOME_LABELS } from '../../lib/tenant-format.ts';
import { usePaged } from '../../lib/use-paged.ts';

/** Every call to the business number, newest first. */
export function CallLogPage({ tenant }: { tenant: TenantSummary }) {
  const { state, loadMore, reload } = usePaged(tenant.id, (cursor, signal) => fetchCalls(tenant.id, cursor, signal));

  return (
    <section aria-labelledby="calls-title">
      <div className="page-toolbar">
        <div>
          <h1 id="calls-title">Calls</h1>
          <p className="muted">Who called, what they pressed, and how each call ended.</p>
        </div>
        <button type="button" className="button button-ghost" onClick={reload}>
          Refresh
        </button>
      </div>

      {state.kind === 'loading' && <ListLoading label="Loading calls…" />}
      {state.kind === 'error' && <ListError title="We couldn't load your calls" message={state.message} onRetry={reload} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <ListEmpty title="No calls yet">
          <p>When someone calls {tenant.phoneNumber ? formatPhone(tenant.phoneNumber) : 'your business number'}, the call shows up here.</p>
          {tenant.canManage && tenant.phoneNumber && (
            <Link className="button button-primary" to={`/t/${tenant.id}/simulator`}>
              Try a test call
            </Link>
          )}
        </ListEmpty>
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <table className="record-table" data-testid="call-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Caller</th>
                <th scope="col">Pressed</th>
                <th scope="col">Length</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((call) => (
                <tr key={call.id} data-call-sid={call.callSid}>
                  <td data-label="When">
                    <time dateTime={call.startedAt}>{formatDateTime(call.startedAt)}</time>
                  </td>
                  <td data-label="Caller">
                    <strong>{callerLabel(call.callerName, call.from)}</strong>
                    {call.callerName && <span className="muted small-text"> {formatPhone(call.from)}</span>}
                  </td>
                  <td data-label="Pressed">{call.digits.length ? call.digits.join(' → ') : <span className="muted">—</span>}</td>
                  <td data-label="Length">{formatDuration(call.durationSec)}</td>
                  <td data-label="Result">
                    <span className={`outcome-pill outcome-${call.outcome}`}>{OUTCOME_LABELS[call.outcome]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore hasMore={Boolean(state.nextCursor)} loading={state.loadingMore} error={state.moreError} onMore={loadMore} />
        </>
      )}
    </section>
  );
}
