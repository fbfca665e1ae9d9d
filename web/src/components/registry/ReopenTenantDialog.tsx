import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { reopenTenant } from '../../api/endpoints.ts';
import type { Tenant } from '../../api/types.ts';
import { Dialog } from '../Dialog.tsx';

interface ReopenTenantDialogProps {
  tenant: Tenant;
  onDismiss: () => void;
  onReopened: (tenant: Tenant) => void;
}

/** Asks before reopening a closed tenant (POST /api/admin/tenants/:id/reopen). */
export function ReopenTenantDialog({ tenant, onDismiss, onReopened }: ReopenTenantDialogProps) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setSaving(true);
    setError(null);
    try {
      onReopened(await reopenTenant(tenant.id));
    } catch (cause) {
      setSaving(false);
      setError(errorMessage(cause));
    }
  }

  return (
    <Dialog title={`Reopen ${tenant.businessName}?`} onDismiss={onDismiss} busy={saving}>
      <p className="dialog-text">
        Everything they had comes back: customers, calls, texts, their number and their logins. It comes back paused
        (suspended): its subscription ended when it closed, so automations stay off and callers hear the paused message
        until billing starts again.
      </p>
      {error && (
        <div className="form-alert" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={onDismiss} disabled={saving}>
          Keep it closed
        </button>
        <button type="button" className="button button-primary" onClick={confirm} disabled={saving}>
          {saving ? 'Reopening…' : 'Reopen tenant'}
        </button>
      </div>
    </Dialog>
  );
}
