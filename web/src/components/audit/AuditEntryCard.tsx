import { Link } from '@tanstack/react-router';
import type { AuditEntry } from '../../api/types.ts';
import { formatDateTime } from '../../lib/tenant-format.ts';

/** Times stored in snapshots read like every other time on the page. */
const shown = (value: string | null) => (value === null ? '—' : /^\d{4}-\d\d-\d\dT/.test(value) ? formatDateTime(value) : value);

/** One audited change as a person reads it: when, who, what, to which business, and each field before → after. */
export function AuditEntryCard({ entry }: { entry: AuditEntry }) {
  return (
    <li className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-entry-head">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        <Link className="audit-business" to="/admin/audit" search={{ tenantId: entry.tenantId }}>
          {entry.businessName}
          <span className="visually-hidden"> — show only its entries</span>
        </Link>
      </div>
      <p className="audit-what">
        <strong>{entry.what}</strong>
        <span className="audit-who"> by {entry.who}</span>
      </p>
      {entry.changes.length > 0 && (
        <ul className="audit-changes">
          {entry.changes.map((change) => (
            <li key={change.field}>
              <span className="audit-field">{change.label}:</span>{' '}
              {change.before !== null && (
                <>
                  <span className="audit-before">{shown(change.before)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden"> changed to </span>
                </>
              )}
              <span className="audit-after">{shown(change.after)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
