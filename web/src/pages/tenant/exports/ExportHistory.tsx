import type { DataExport } from '../../../api/types.ts';
import { formatBytes } from '../../../lib/billing-format.ts';
import { formatDateTime } from '../../../lib/tenant-format.ts';

/** Earlier exports, each with its own download while its link lasts. */
export function ExportHistory({ older }: { older: DataExport[] }) {
  return (
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
  );
}
