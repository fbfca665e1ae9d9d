import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { toast } from 'sonner';
import { ApiError, errorMessage } from '../api/client.ts';
import { startViewAs } from '../api/endpoints.ts';
import { keys, tenantsQuery } from '../api/queries.ts';
import type { RegistryQuery, Tenant } from '../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { saveView } from '../auth/session.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ForbiddenNotice } from '../components/ForbiddenNotice.tsx';
import { CloseTenantDialog } from '../components/registry/CloseTenantDialog.tsx';
import { RegistryFilters } from '../components/registry/RegistryFilters.tsx';
import { RegistryPager } from '../components/registry/RegistryPager.tsx';
import { RegistrySummary } from '../components/registry/RegistrySummary.tsx';
import { ReopenTenantDialog } from '../components/registry/ReopenTenantDialog.tsx';
import { InviteOwnerDialog } from '../components/registry/InviteOwnerDialog.tsx';
import { TenantCard } from '../components/registry/TenantCard.tsx';
import { TenantFormDialog } from '../components/registry/TenantFormDialog.tsx';
import { SkeletonCard } from '../components/SkeletonCard.tsx';
import { isFiltered } from '../lib/registry-search.ts';

/** A view as an owner opens in this tab with a session of its own; the platform owner's own session waits beside it. */
async function viewAsOwner(tenant: Tenant) {
  try {
    const view = await startViewAs(tenant.id);
    saveView(view.token, view.expiresAt);
    window.location.assign(`/t/${encodeURIComponent(tenant.id)}/calls`);
  } catch (error) {
    toast.error(errorMessage(error));
  }
}

/** "3 businesses", or "1 business matches" under a filter. */
const countLine = (total: number, filtered: boolean) => `${total} ${total === 1 ? 'business' : 'businesses'}${filtered ? (total === 1 ? ' matches' : ' match') : ''}`;

/** The root dashboard: every business on the platform, searched, filtered and sorted from the URL, as cards. */
export function TenantRegistryPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/signed-in/admin/tenants' });
  const navigate = useNavigate({ from: '/admin/tenants' });
  // The list on screen stays while the next one (another filter, another page) loads.
  const query = useQuery({ ...tenantsQuery(search), enabled: user.isPlatformOwner, placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Tenant | null>(null);
  const [closing, setClosing] = useState<Tenant | null>(null);
  const [reopening, setReopening] = useState<Tenant | null>(null);
  const [invitingOwner, setInvitingOwner] = useState<Tenant | null>(null);
  const [newTenantId, setNewTenantId] = useState<string | null>(null);

  const forbidden = !user.isPlatformOwner || (query.error instanceof ApiError && query.error.status === 403);
  const tenants = query.data?.tenants ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.allTenants });
  // Any change but paging starts again from the first page.
  const change = useCallback(
    (changes: Partial<RegistryQuery>) => void navigate({ search: (previous: RegistryQuery) => ({ ...previous, offset: undefined, ...changes }) }),
    [navigate],
  );

  function onCreated(tenant: Tenant) {
    setCreating(false);
    setNewTenantId(tenant.id);
    toast.success(`${tenant.businessName} was added.`);
    refresh();
  }

  function onEdited(tenant: Tenant) {
    setEditing(null);
    toast.success(`${tenant.businessName} was updated.`);
    refresh();
  }

  function onClosed(tenant: Tenant) {
    setClosing(null);
    toast.success(`${tenant.businessName} was closed.`);
    refresh();
  }

  function onReopened(tenant: Tenant) {
    setReopening(null);
    toast.success(`${tenant.businessName} is open again, paused until billing starts again.`);
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
              {query.isSuccess ? countLine(query.data.page.total, isFiltered(search)) : 'Every business running on ServicePro.'}
            </p>
          </div>
          {!forbidden && (
            <div className="toolbar-actions">
              <Link className="link-button" to="/admin/audit">
                Audit log
              </Link>
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="M12 5v14M5 12h14" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
                New tenant
              </button>
            </div>
          )}
        </div>

        {!forbidden && query.data && <RegistrySummary summary={query.data.summary} query={search} />}
        {!forbidden && <RegistryFilters query={search} onChange={change} />}

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

        {query.isSuccess && tenants.length === 0 && isFiltered(search) && (
          <section className="state-panel empty-state">
            <h2>No business matches</h2>
            <p>Try fewer words, or another plan or status.</p>
            <Link className="button button-primary" to="/admin/tenants" search={{}}>
              Clear filters
            </Link>
          </section>
        )}

        {query.isSuccess && tenants.length === 0 && !isFiltered(search) && (
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
              <TenantCard key={tenant.id} tenant={tenant} highlighted={tenant.id === newTenantId} onEdit={setEditing} onClose={setClosing} onReopen={setReopening} onViewAs={viewAsOwner} onInviteOwner={setInvitingOwner} />
            ))}
          </div>
        )}
        {query.isSuccess && <RegistryPager page={query.data.page} shown={tenants.length} onOffset={(offset) => void navigate({ search: (previous: RegistryQuery) => ({ ...previous, offset: offset || undefined }) })} />}
      </main>

      {creating && <TenantFormDialog onDismiss={() => setCreating(false)} onSaved={onCreated} />}
      {editing && <TenantFormDialog tenant={editing} onDismiss={() => setEditing(null)} onSaved={onEdited} />}
      {invitingOwner && <InviteOwnerDialog tenant={invitingOwner} onDismiss={() => setInvitingOwner(null)} />}
      {closing && <CloseTenantDialog tenant={closing} onDismiss={() => setClosing(null)} onClosed={() => onClosed(closing)} />}
      {reopening && <ReopenTenantDialog tenant={reopening} onDismiss={() => setReopening(null)} onReopened={onReopened} />}
    </div>
  );
}
