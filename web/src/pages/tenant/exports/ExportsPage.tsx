import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client.ts';
import { requestExport } from '../../../api/endpoints.ts';
import { exportsQuery, keys } from '../../../api/queries.ts';
import type { DataExport } from '../../../api/types.ts';
import { ListEmpty, ListError, ListLoading } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { ExportCard } from './ExportCard.tsx';
import { ExportHistory } from './ExportHistory.tsx';

const WHAT_IS_INCLUDED = 'customers, vehicles, services, team and vans, bookings, invoices, calls, voicemails, texts, conversations and your settings';

/** `/t/:id/exports`: everything the business has, in one zip — open in every account status. */
export function ExportsPage() {
  const tenant = useTenant();
  const queryClient = useQueryClient();
  // While an export runs, the query asks for the list every second (exportsQuery), so the bar moves.
  const query = useQuery(exportsQuery(tenant.id));
  const start = useMutation({
    mutationFn: () => requestExport(tenant.id),
    onSuccess: (created) =>
      queryClient.setQueryData<DataExport[]>(keys.exports(tenant.id), (items = []) => [created, ...items.filter((item) => item.id !== created.id)]),
  });
  const items = query.data ?? [];
  const running = items.find((e) => e.status === 'running') ?? null;
  const [current, ...older] = items;
  const reload = () => void query.refetch();
  const requestNew = () => start.mutate();
  const starting = start.isPending;
  const startError = start.isError ? errorMessage(start.error) : null;

  return (
    <section className="exports-page" aria-labelledby="exports-title">
      <div className="page-toolbar">
        <div>
          <h1 id="exports-title">Export your data</h1>
          <p className="muted">One zip file with your {WHAT_IS_INCLUDED} — as spreadsheets (CSV) and as JSON.</p>
        </div>
        <button type="button" className="button button-ghost" onClick={reload}>
          Refresh
        </button>
      </div>

      <div className="settings-card export-request">
        <p>Your data is yours. Download a copy whenever you like, whatever state your account is in — even while it is paused.</p>
        <div>
          <button type="button" className="button button-primary" onClick={requestNew} disabled={starting || running !== null || !query.isSuccess}>
            {starting ? 'Starting…' : running ? 'Export in progress…' : 'Export my data'}
          </button>
        </div>
        {startError && (
          <p className="form-alert" role="alert">
            {startError}
          </p>
        )}
      </div>

      {query.isPending && <ListLoading label="Loading your exports…" />}
      {query.isError && <ListError title="We couldn't load your exports" message={errorMessage(query.error)} onRetry={reload} />}
      {query.isSuccess && !current && (
        <ListEmpty title="No exports yet">
          <p>Press “Export my data” and we'll put everything together. It usually takes under a minute; you can watch it here.</p>
        </ListEmpty>
      )}
      {current && <ExportCard item={current} onRetry={requestNew} retrying={starting} />}

      {older.length > 0 && <ExportHistory older={older} />}
    </section>
  );
}

