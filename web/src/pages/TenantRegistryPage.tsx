import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError, errorMessage } from '../api/client.ts';
import { keys, tenantsQuery } from '../api/queries.ts';
import type { Tenant } from '../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { ForbiddenNotice } from '../components/ForbiddenNotice.tsx';
import { CloseTenantDialog } from '../components/registry/CloseTenantDialog.tsx';
import { InviteOwnerDialog } from '../components/registry/InviteOwnerDialog.tsx';
import { TenantCard } from '../components/registry/TenantCard.tsx';
import { TenantFormDialog } from '../components/registry/TenantFormDialog.tsx';
import { SkeletonCard } from '../components/SkeletonCard.tsx';
import { Toggle } from '../components/Toggle.tsx';

/** The root dashboard: every business on the platform, as cards. */
export function TenantRegistryPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const [includeClosed, setIncludeClosed] = useState(false);
  // The list on screen stays while the other one (with or without closed businesses) loads.
  const query = useQuery({ ...tenantsQuery(includeClosed), enabled: user.isPlatformOwner, placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Tenant | null>(null);
  const [closing, setClosing] = useState<Tenant | null>(null);
  const [invitingOwner, setInvitingOwner] = useState<Tenant | null>(null);
  const [newTenantId, setNewTenantId] = useState<string | null>(null);

  const forbidden = !user.isPlatformOwner || (query.error instanceof ApiError && query.error.status === 403);
  const tenants = query.data ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.allTenants });
  // Show a change at once; the refetch then brings the list in line with the server.
  const showInList = (tenant: Tenant) =>
    queryClient.setQueryData<Tenant[]>(keys.tenants(includeClosed), (list = []) => (list.some((t) => t.id === tenant.id) ? list.map((t) => (t.id === tenant.id ? tenant : t)) : [...list, tenant]));

  function onCreated(tenant: Tenant) {
    setCreating(false);
    setNewTenantId(tenant.id);
    showInList(tenant);
    toast.success(`${tenant.businessName} was added.`);
    refresh();
  }

  function onEdited(tenant: Tenant) {
    setEditing(null);
    showInList(tenant);
    toast.success(`${tenant.businessName} was updated.`);
    refresh();
  }

  function onClosed(tenant: Tenant) {
    setClosing(null);
    toast.success(`${tenant.businessName} was closed.`);
    refresh();
  }

  return (
    <div className="app-shell">
      <AppHeader />
      <main className="page" id="main" tabIndex={-1}>
        <div className="page-toolbar">
          <div>
            <h1>Tenant registry</h1>
            <p className="muted">
              {query.isSuccess ? `${tenants.length} ${tenants.length === 1 ? 'business' : 'businesses'}${includeClosed ? ', including closed ones' : ''}` : 'Every business running on ServicePro.'}
            </p>
          </div>
          {!forbidden && (
            <div className="toolbar-actions">
              <Toggle label="Show closed" checked={includeClosed} onCheckedChange={setIncludeClosed} />
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="M12 5v14M5 12h14" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
                New tenant
              </button>
            </div>
          )}
        </div>

        {query.isPending && !forbidden && (
          <div className="tenant-grid" aria-busy="true">
            <p className="visually-hidden" role="status">
              Loading businesses…
            </p>
            {Array.from({ length: 6 }, (_, index) => (
              <SkeletonCard key={index} />
            ))}
          </div>
        )}

        {query.isError && !forbidden && (
          <section className="state-panel" role="alert">
            <h2>We couldn't load your businesses</h2>
            <p>{errorMessage(query.error)}</p>
            <button type="button" className="button button-primary" onClick={() => void query.refetch()} disabled={query.isFetching}>
              {query.isFetching ? 'Trying again…' : 'Try again'}
            </button>
          </section>
        )}

        {forbidden && <ForbiddenNotice />}

        {query.isSuccess && tenants.length === 0 && (
          <section className="state-panel empty-state">
            <h2>No tenants yet — create the first one</h2>
            <p>Each business you add gets its own phone line, booking and billing. It only takes a minute.</p>
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New tenant
            </button>
          </section>
        )}

        {query.isSuccess && tenants.length > 0 && (
          <div className="tenant-grid" aria-busy={query.isFetching}>
            {tenants.map((tenant) => (
              <TenantCard key={tenant.id} tenant={tenant} highlighted={tenant.id === newTenantId} onEdit={setEditing} onClose={setClosing} onInviteOwner={setInvitingOwner} />
            ))}
          </div>
        )}
      </main>

      {creating && <TenantFormDialog onDismiss={() => setCreating(false)} onSaved={onCreated} />}
      {editing && <TenantFormDialog tenant={editing} onDismiss={() => setEditing(null)} onSaved={onEdited} />}
      {invitingOwner && <InviteOwnerDialog tenant={invitingOwner} onDismiss={() => setInvitingOwner(null)} />}
      {closing && <CloseTenantDialog tenant={closing} onDismiss={() => setClosing(null)} onClosed={() => onClosed(closing)} />}
    </div>
  );
}
