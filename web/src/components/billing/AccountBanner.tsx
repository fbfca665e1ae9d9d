import { Link } from '@tanstack/react-router';
import type { TenantSummary } from '../../api/types.ts';

/** Across the business's area while payment is due or the account is paused: what is wrong and where to fix it. */
export function AccountBanner({ tenant }: { tenant: TenantSummary }) {
  if (tenant.status !== 'past_due' && tenant.status !== 'suspended') return null;
  const paused = tenant.status === 'suspended';
  return (
    <div className={`account-banner ${paused ? 'tone-danger' : 'tone-warning'}`} role="alert" data-testid="account-banner" data-status={tenant.status}>
      <p>
        <strong>{paused ? 'Your account is paused.' : 'Your last payment failed.'}</strong>{' '}
        {paused
          ? 'Texts and automations are stopped and callers hear a paused message. Your number and data are kept.'
          : 'Update your card to keep your phone line running.'}
      </p>
      <span className="account-banner-links">
        <Link className="button button-primary" to="/t/$tenantId/billing" params={{ tenantId: tenant.id }}>
          {paused ? 'Add a card to resume' : 'Update your card'}
        </Link>
        {paused && (
          <Link className="button button-ghost" to="/t/$tenantId/exports" params={{ tenantId: tenant.id }}>
            Export your data
          </Link>
        )}
      </span>
    </div>
  );
}
