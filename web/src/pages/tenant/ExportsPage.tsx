import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { DataExport } from '../../api/exports.ts';
import type { TenantSummary } from '../../api/tenant-types.ts';
import { ListEmpty, ListError, ListLoading } from '../../components/tenant/ListStates.tsx';
import { entityLabel, formatBytes, progressLine, progressPercent } from '../../lib/billing-format.ts';
import { formatDate } from '../../lib/format.ts';
import { formatDateTime } from '../../lib/tenant-format.ts';
import { useExports } from '../../lib/use-exports.ts';

const WHAT_IS_INCLUDED = 'customers, vehicles, services, appointments, invoices, calls, voicemails, texts, conversations and your settings';

/** `/t/:id/exports`: everything the business has, in one zip — open in every account status. */
export function ExportsPage({ tenant }: { tenant: TenantSummary }) {
  const { state, reload, start } = useExports(tenant.id);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const items = state.kind === 'ready' ? state.data : [];
  const running = items.find((e) => e.status === 'running') ?? null;
  const [current, ...older] = items;

  async function requestNew() {
    setStarting(true);
    setStartError(null);
    try {
      await start();
    } catch (error) {
      setStartError(errorMessage(error));
    } finally {
      setStarting(false);
    }
  }

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
          <button type="button" className="button button-primary" onClick={requestNew} disabled={starting || running !== null || state.kind !== 'ready'}>
            {starting ? 'Starting…' : running ? 'Export in progress…' : 'Export my data'}
          </button>
        </div>
        {startError && (
          <p className="form-alert" role="alert">
            {startError}
          </p>
        )}
      </div>

      {state.kind === 'loading' && <ListLoading label="Loading your exports…" />}
      {state.kind === 'error' && <ListError title="We couldn't load your exports" message={state.message} onRetry={reload} />}
      {state.kind === 'ready' && !current && (
        <ListEmpty title="No exports yet">
          <p>Press “Export my data” and we'll put everything together. It usually takes under a minute; you can watch it here.</p>
        </ListEmpty>
      )}
      {current && <ExportCard item={current} onRetry={requestNew} retrying={starting} />}

      {older.length > 0 && (
        <section aria-labelledby="export-history-title" className="billing-section">
          <h2 id="export-history-title">Earlier exports</h2>
          <ul className="record-list" data-testid="export-history">
            {older.map((item) => (
              <li key={item.id} className="record-item" data-export-id={item.id} data-status={item.status}>
                <div className="record-main">
                  <p className="record-title">
                    <strong>{formatDateTime(item.createdAt)}</strong> <span className="muted small-text">{item.reason === 'final' ? '· Final export before the data was removed' : ''}</span>
                  </p>
                  <p className="muted small-text">
                    {item.status === 'ready' ? `Ready${item.sizeBytes !== null ? ` · ${formatBytes(item.sizeBytes)}` : ''}` : item.status === 'failed' ? 'Did not finish' : 'In progress'}
                  </p>
                </div>
                <div className="record-actions">
                  {item.status === 'ready' && item.downloadUrl && (
                    <a className="button button-ghost" href={item.downloadUrl} download>
                      Download<span className="visually-hidden"> the export from {formatDateTime(item.createdAt)}</span>
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function ExportCard({ item, onRetry, retrying }: { item: DataExport; onRetry: () => void; retrying: boolean }) {
  const percent = progressPercent(item);
  const counts = Object.entries(item.rowCounts ?? {});
  return (
    <article className={`settings-card export-card status-${item.status}`} data-testid="current-export" data-export-id={item.id} data-status={item.status} aria-labelledby="current-export-title">
      <h2 id="current-export-title">
        {item.status === 'running' ? 'Putting your export together…' : item.status === 'ready' ? 'Your export is ready' : "Your export didn't finish"}
      </h2>
      <p className="muted small-text">
        Asked for {formatDateTime(item.createdAt)}
        {item.reason === 'final' ? ' · the final export made before the data was removed' : ''}
      </p>

      {item.status === 'running' && (
        <div className="export-progress">
          <progress id="export-progress" max={100} value={percent} aria-label="Export progress" data-testid="export-progress">
            {percent}%
          </progress>
          <p aria-live="polite">
            <strong>{percent}%</strong> · {progressLine(item)}
          </p>
          <p className="muted small-text">You can leave this page — the export keeps going, and the download will be waiting here.</p>
        </div>
      )}

      {item.status === 'ready' && (
        <>
          {item.downloadUrl ? (
            <div className="export-download">
              <a className="button button-primary" href={item.downloadUrl} download data-testid="export-download">
                Download zip{item.sizeBytes !== null ? ` (${formatBytes(item.sizeBytes)})` : ''}
              </a>
              <p className="muted small-text">
                This link is private and works {item.expiresAt ? `until ${formatDate(item.expiresAt)}` : 'for a limited time'}. If it has expired, just come back
                to this page — a fresh link is always here.
              </p>
            </div>
          ) : (
            <p className="form-notice">The download link has expired. Refresh this page for a fresh one.</p>
          )}
          {counts.length > 0 && (
            <dl className="row-counts" data-testid="export-row-counts">
              {counts.map(([entity, count]) => (
                <div key={entity}>
                  <dt>{entityLabel(entity)}</dt>
                  <dd>{count.toLocaleString('en-US')}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}

      {item.status === 'failed' && (
        <>
          <p className="form-alert" role="alert">
            {item.error ?? 'Something went wrong while writing the file.'} Nothing was lost — your data is untouched.
          </p>
          <div>
            <button type="button" className="button button-primary" onClick={onRetry} disabled={retrying}>
              Try again
            </button>
          </div>
        </>
      )}
    </article>
  );
}
