import type { TenantStatus } from '../api/types.ts';
import { statusLabel } from '../lib/format.ts';

export function StatusPill({ status }: { status: TenantStatus }) {
  return (
    <span className={`status-pill status-${status}`} data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {statusLabel(status)}
    </span>
  );
}
