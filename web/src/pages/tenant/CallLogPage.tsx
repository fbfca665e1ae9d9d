import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { callsQuery } from '../../api/queries.ts';
import type { CallEntry } from '../../api/types.ts';
import { ListToolbar, LiveList } from '../../components/tenant/LiveList.tsx';
import { CallerName } from '../../components/tenant/CallerName.tsx';
import { isClosed } from '../../components/tenant/ClosedBusinessNote.tsx';
import { useTenant } from '../../components/tenant/TenantContext.tsx';
import { formatPhone } from '../../lib/format.ts';
import { formatDateTime, formatDuration, OUTCOME_LABELS } from '../../lib/tenant-format.ts';

/** Every call to the business number, newest first; new calls appear on their own. */
export function CallLogPage() {
  const tenant = useTenant();
  const query = useInfiniteQuery(callsQuery(tenant.id));
  const empty = (
    <>
      <p>When someone calls {tenant.phoneNumber ? formatPhone(tenant.phoneNumber) : 'your business number'}, the call shows up here.</p>
      {tenant.canManage && tenant.phoneNumber && !isClosed(tenant) && (
        <Link className="button button-primary" to="/t/$tenantId/simulator" params={{ tenantId: tenant.id }}>
          Try a test call
        </Link>
      )}
    </>
  );

  return (
    <section aria-labelledby="calls-title">
      <ListToolbar id="calls-title" title="Calls" summary="Who called, what they pressed, and how each call ended." onRefresh={() => void query.refetch()} />
      <LiveList query={query} noun="calls" empty={{ title: 'No calls yet', body: empty }}>
        {(calls) => <CallTable tenantId={tenant.id} calls={calls} />}
      </LiveList>
    </section>
  );
}

function CallTable({ tenantId, calls }: { tenantId: string; calls: CallEntry[] }) {
  return (
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
        {calls.map((call) => (
          <tr key={call.id} data-call-sid={call.callSid}>
            <td data-label="When">
              <time dateTime={call.startedAt}>{formatDateTime(call.startedAt)}</time>
            </td>
            <td data-label="Caller">
              <CallerName tenantId={tenantId} name={call.callerName} number={call.from} customerId={call.customerId} />
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
  );
}
