import { closeTenant } from '../../api/endpoints.ts';
import type { Tenant } from '../../api/types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

interface CloseTenantDialogProps {
  tenant: Tenant;
  onDismiss: () => void;
  onClosed: () => void;
}

/** Asks before closing a tenant (DELETE /api/admin/tenants/:id). */
export function CloseTenantDialog({ tenant, onDismiss, onClosed }: CloseTenantDialogProps) {
  return (
    <ConfirmDialog
      title={`Close ${tenant.businessName}?`}
      confirmLabel="Close tenant"
      busyLabel="Closing…"
      cancelLabel="Keep it open"
      danger
      onDismiss={onDismiss}
      onConfirm={async () => {
        await closeTenant(tenant.id);
        onClosed();
      }}
    >
      Closing stops this business's automations and hides it from the list. Their data is kept, and you can still see it
      with “Show closed”.
    </ConfirmDialog>
  );
}
