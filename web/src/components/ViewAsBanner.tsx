import { useState } from 'react';
import { useUser } from '../auth/AuthContext.tsx';
import { clearView, getViewToken } from '../auth/session.ts';

/** Ends the view on the server (the platform owner's own session stays), then goes back to the registry as yourself. */
async function stopViewing() {
  const token = getViewToken();
  clearView();
  if (token) await fetch('/api/view-as', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` }, keepalive: true }).catch(() => undefined);
  window.location.assign('/admin/tenants');
}

/** On every page while the platform owner views a business as its owner: whose view it is, that it cannot change anything, and the way out. */
export function ViewAsBanner() {
  const { viewingAs } = useUser();
  const [stopping, setStopping] = useState(false);
  if (!viewingAs) return null;
  return (
    <div className="view-as-banner" role="status" data-testid="view-as-banner">
      <p>
        <strong>Viewing {viewingAs.businessName} as its owner — read only</strong>
        <span className="view-as-note"> Nothing you do here changes the business.</span>
      </p>
      <button
        type="button"
        className="button button-light"
        disabled={stopping}
        onClick={() => {
          setStopping(true);
          void stopViewing();
        }}
      >
        {stopping ? 'Stopping…' : 'Stop viewing'}
      </button>
    </div>
  );
}
