import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { closeTenant } from '../../api/endpoints.ts';
import type { Tenant } from '../../api/types.ts';
import { Dialog } from '../Dialog.tsx';

interface CloseTenantDialogProps {
  tenant: Tenant;
  onDismiss: () => void;
  onClosed: () => void;
}

/** Asks before closing a tenant (DELETE /api/admin/tenants/:id). */
export function CloseTenantDialog({ tenant, onDismiss, onClosed }: CloseTenantDialogProps) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setSaving(true);
    setError(null);
    try {
      await closeTenant(tenant.id);
      onClosed();
    } catch (cause) {
      setSaving(false);
      setError(errorMessage(cause));
    }
  }

  return (
    <Dialog title={`Close ${tenant.businessName}?`} onDismiss={onDismiss} busy={saving}>
      <p className="dialog-text">
        Closing stops this business's automations and hides it from the list. Their data is kept, and you can still see
        it with “Show closed”.
      </p>
      {error && (
        <div className="form-alert" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={onDismiss} disabled={saving}>
          Keep it open
        </button>
        <button type="button" className="button button-danger-solid" onClick={confirm} disabled={saving}>
          {saving ? 'Closing…' : 'Close tenant'}
        </button>
      </div>
    </Dialog>
  );
}
