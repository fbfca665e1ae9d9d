import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { listTenants } from '../api/endpoints.ts';
import type { Tenant, User } from '../api/types.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { CloseTenantDialog } from '../components/CloseTenantDialog.tsx';
import { ForbiddenNotice } from '../components/ForbiddenNotice.tsx';
import { SkeletonCard } from '../components/SkeletonCard.tsx';
import { TenantCard } from '../components/TenantCard.tsx';
import { TenantFormDialog } from '../components/TenantFormDialog.tsx';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; tenants: Tenant[] }
  | { kind: 'error'; message: string }
  | { kind: 'forbidden' };

interface TenantRegistryPageProps {
  user: User;
  onSignOut: () => void;
}

/** The root dashboard: every business on the platform, as cards. */
export function TenantRegistryPage({ user, onSignOut }: TenantRegistryPageProps) {
  const [state, setState] = useState<LoadState>(user.isPlatformOwner ? { kind: 'loading' } : { kind: 'forbidden' });
  const [includeClosed, setIncludeClosed] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Tenant | null>(null);
  const [closing, setClosing] = useState<Tenant | null>(null);
  const [newTenantId, setNewTenantId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!user.isPlatformOwner) return;
    const controller = new AbortController();
    setRefreshing(true);
    setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    listTenants(includeClosed, controller.signal)
      .then((tenants) => setState({ kind: 'ready', tenants }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return; // the app returns to the login page
        if (error instanceof ApiError && error.status === 403) setState({ kind: 'forbidden' });
        else setState({ kind: 'error', message: errorMessage(error) });
      })
      .finally(() => {
        if (!controller.signal.aborted) setRefreshing(false);
      });
    return () => controller.abort();
  }, [user.isPlatformOwner, includeClosed, reloadKey]);

  const reload = () => setReloadKey((key) => key + 1);

  function onCreated(tenant: Tenant) {
    setCreating(false);
    setNewTenantId(tenant.id);
    setAnnouncement(`${tenant.businessName} was added.`);
    // Show the new card straight away; the refetch below brings the list in line with the server.
    setState((previous) =>
      previous.kind === 'ready' ? { kind: 'ready', tenants: [...previous.tenants.filter((t) => t.id !== tenant.id), tenant] } : previous,
    );
    reload();
  }

  function onEdited(tenant: Tenant) {
    setEditing(null);
    setAnnouncement(`${tenant.businessName} was updated.`);
    setState((previous) =>
      previous.kind === 'ready' ? { kind: 'ready', tenants: previous.tenants.map((t) => (t.id === tenant.id ? tenant : t)) } : previous,
    );
    reload();
  }

  function onClosed(tenant: Tenant) {
    setClosing(null);
    setAnnouncement(`${tenant.businessName} was closed.`);
    reload();
  }

  const tenants = state.kind === 'ready' ? state.tenants : [];
  const canManage = state.kind !== 'forbidden';

  return (
    <div className="app-shell">
      <AppHeader user={user} onSignOut={onSignOut} />
      <main className="page">
        <div className="page-toolbar">
          <div>
            <h1>Tenant registry</h1>
            <p className="muted">
              {state.kind === 'ready'
                ? `${tenants.length} ${tenants.length === 1 ? 'business' : 'businesses'}${includeClosed ? ', including closed ones' : ''}`
                : 'Every business running on ServicePro.'}
            </p>
          </div>
          {canManage && (
            <div className="toolbar-actions">
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={includeClosed}
                  onChange={(event) => setIncludeClosed(event.target.checked)}
                />
                <span className="toggle-track" aria-hidden="true" />
                Show closed
              </label>
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="M12 5v14M5 12h14" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
                New tenant
              </button>
            </div>
          )}
        </div>

        <p className="visually-hidden" role="status" aria-live="polite">
          {state.kind === 'loading' ? 'Loading businesses…' : announcement}
        </p>

        {state.kind === 'loading' && (
          <div className="tenant-grid" aria-busy="true">
            {Array.from({ length: 6 }, (_, index) => (
              <SkeletonCard key={index} />
            ))}
          </div>
        )}

        {state.kind === 'error' && (
          <section className="state-panel" role="alert">
            <h2>We couldn't load your businesses</h2>
            <p>{state.message}</p>
            <button type="button" className="button button-primary" onClick={reload} disabled={refreshing}>
              {refreshing ? 'Trying again…' : 'Try again'}
            </button>
          </section>
        )}

        {state.kind === 'forbidden' && <ForbiddenNotice user={user} onSignOut={onSignOut} />}

        {state.kind === 'ready' && tenants.length === 0 && (
          <section className="state-panel empty-state">
            <h2>No tenants yet — create the first one</h2>
            <p>Each business you add gets its own phone line, booking and billing. It only takes a minute.</p>
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New tenant
            </button>
          </section>
        )}

        {state.kind === 'ready' && tenants.length > 0 && (
          <div className="tenant-grid" aria-busy={refreshing}>
            {tenants.map((tenant) => (
              <TenantCard
                key={tenant.id}
                tenant={tenant}
                highlighted={tenant.id === newTenantId}
                onEdit={setEditing}
                onClose={setClosing}
              />
            ))}
          </div>
        )}
      </main>

      {creating && <TenantFormDialog onDismiss={() => setCreating(false)} onSaved={onCreated} />}
      {editing && <TenantFormDialog tenant={editing} onDismiss={() => setEditing(null)} onSaved={onEdited} />}
      {closing && <CloseTenantDialog tenant={closing} onDismiss={() => setClosing(null)} onClosed={() => onClosed(closing)} />}
    </div>
  );
}
