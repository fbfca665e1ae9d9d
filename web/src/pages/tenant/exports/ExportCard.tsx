import type { DataExport } from '../../../api/types.ts';
import { entityLabel, formatBytes, progressLine, progressPercent } from '../../../lib/billing-format.ts';
import { formatDate } from '../../../lib/format.ts';
import { formatDateTime } from '../../../lib/tenant-format.ts';

/** The newest export: its progress bar while it runs, then its download and row counts (or why it failed). */
export function ExportCard({ item, onRetry, retrying }: { item: DataExport; onRetry: () => void; retrying: boolean }) {
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
