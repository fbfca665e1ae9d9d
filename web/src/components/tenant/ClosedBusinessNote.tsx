import { Link } from '@tanstack/react-router';
import type { TenantSummary } from '../../api/types.ts';

/** A closed business keeps its data to read and export, but nothing in it changes any more. */
export const isClosed = (tenant: Pick<TenantSummary, 'status'>) => tenant.status === 'closed';

/** Said above a form a closed business can no longer use, and why (the API refuses it as well). */
export function ClosedBusinessNote({ tenant, what }: { tenant: TenantSummary; what: string }) {
  return (
    <p className="form-notice" role="note" data-testid="closed-note">
      This business is closed, so {what}. You can still see everything here and{' '}
      <Link to="/t/$tenantId/exports" params={{ tenantId: tenant.id }}>
        export your data
      </Link>
      .
    </p>
  );
}
