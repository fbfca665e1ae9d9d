import { reopenTenant } from '../../api/endpoints.ts';
import type { Tenant } from '../../api/types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

interface ReopenTenantDialogProps {
  tenant: Tenant;
  onDismiss: () => void;
  onReopened: (tenant: Tenant) => void;
}

/** Asks before reopening a closed tenant (POST /api/admin/tenants/:id/reopen). */
export function ReopenTenantDialog({ tenant, onDismiss, onReopened }: ReopenTenantDialogProps) {
  return (
    <ConfirmDialog
      title={`Reopen ${tenant.businessName}?`}
      confirmLabel="Reopen tenant"
      busyLabel="Reopening…"
      cancelLabel="Keep it closed"
      onDismiss={onDismiss}
      onConfirm={async () => onReopened(await reopenTenant(tenant.id))}
    >
      Everything they had comes back: customers, calls, texts, their number and their logins. It comes back paused
      (suspended): its subscription ended when it closed, so automations stay off and callers hear the paused message
      until billing starts again.
    </ConfirmDialog>
  );
}
