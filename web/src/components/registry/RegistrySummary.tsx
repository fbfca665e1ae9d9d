import { Link } from '@tanstack/react-router';
import { TENANT_STATUSES, type RegistryQuery, type RegistrySummary as Summary } from '../../api/types.ts';
import { formatMoney } from '../../lib/billing-format.ts';
import { statusLabel } from '../../lib/format.ts';

/**
 * The row over the registry: how many businesses in each status, what they bring in a month, and
 * the two things that need the platform owner soon (trials ending this week, past due). Each
 * count is a link to the list of exactly those businesses.
 */
export function RegistrySummary({ summary, query }: { summary: Summary; query: RegistryQuery }) {
  const who = { q: query.q, tier: query.tier };
  return (
    <section className="registry-summary" aria-label="Summary" data-testid="registry-summary">
      <div className="summary-tile summary-money">
        <span className="summary-label">Monthly revenue</span>
        <strong className="summary-value" data-testid="summary-mrr">
          {formatMoney(summary.mrrCents)}
        </strong>
        <span className="summary-note">
          from {summary.payingTenants} paying {summary.payingTenants === 1 ? 'business' : 'businesses'}
        </span>
      </div>
      <Link className="summary-tile summary-attention" to="/admin/tenants" search={{ ...who, trialEndingDays: 7, sort: 'trialEnd' }} data-testid="summary-trials">
        <span className="summary-label">Trials ending this week</span>
        <strong className="summary-value">{summary.trialsEndingThisWeek}</strong>
      </Link>
      <Link className="summary-tile summary-danger" to="/admin/tenants" search={{ ...who, pastDue: true }} data-testid="summary-past-due">
        <span className="summary-label">Past due</span>
        <strong className="summary-value">{summary.pastDue}</strong>
      </Link>
      <ul className="summary-statuses" aria-label="Businesses by status">
        {TENANT_STATUSES.map((status) => (
          <li key={status}>
            <Link className={`summary-status status-${status}`} to="/admin/tenants" search={{ ...who, status }} data-status={status} aria-current={query.status === status ? 'true' : undefined}>
              <span className="status-dot" aria-hidden="true" />
              {statusLabel(status)} <strong>{summary.byStatus[status]}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
