import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { NAMED_ACTIONS } from '../../../domain/audit-entries.ts';
import { TENANT_ID_PATTERN } from '../../../domain/tenancy.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { auditQuery } from '../api/queries.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { AuditEntryCard } from '../components/audit/AuditEntryCard.tsx';
import { ForbiddenNotice } from '../components/ForbiddenNotice.tsx';
import { ListEmpty, ListError, ListLoading, LoadMore } from '../components/tenant/ListStates.tsx';

/** Every audited change on the platform, newest first; filter by business and by what was done (both in the URL). */
export function AuditLogPage() {
  const user = useUser();
  const search = useSearch({ from: '/signed-in/admin/audit' });
  const navigate = useNavigate({ from: '/admin/audit' });
  const query = useInfiniteQuery({ ...auditQuery(search), enabled: user.isPlatformOwner });
  const [tenantText, setTenantText] = useState(search.tenantId ?? '');
  useEffect(() => setTenantText(search.tenantId ?? ''), [search.tenantId]);
  const tenantValid = tenantText === '' || TENANT_ID_PATTERN.test(tenantText.trim());

  const forbidden = !user.isPlatformOwner || (query.error instanceof ApiError && query.error.status === 403);
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="app-shell">
      <AppHeader />
      <main className="page" id="main" tabIndex={-1}>
        <div className="page-toolbar">
          <div>
            <Link className="back-link" to="/admin/tenants">
              ← All businesses
            </Link>
            <h1>Audit log</h1>
            <p className="muted">Who changed what, and when — newest first.</p>
          </div>
        </div>
        {forbidden && <ForbiddenNotice />}
        {!forbidden && (
          <form
            className="registry-filters audit-filters"
            role="search"
            aria-label="Filter the audit log"
            onSubmit={(event) => {
              event.preventDefault();
              if (tenantValid) void navigate({ search: (previous) => ({ ...previous, tenantId: tenantText.trim() || undefined }) });
            }}
          >
            <div className="filter-field filter-search">
              <label htmlFor="audit-tenant">Business (tenant id)</label>
              <input id="audit-tenant" type="search" value={tenantText} onChange={(event) => setTenantText(event.target.value)} placeholder="sunny-lawns" autoCapitalize="none" spellCheck={false} aria-invalid={!tenantValid || undefined} aria-describedby={tenantValid ? undefined : 'audit-tenant-error'} />
              {!tenantValid && (
                <p id="audit-tenant-error" className="field-error">
                  A tenant id: lowercase letters, numbers and hyphens, like sunny-lawns.
                </p>
              )}
            </div>
            <div className="filter-field">
              <label htmlFor="audit-action">What</label>
              <select id="audit-action" value={search.action ?? ''} onChange={(event) => void navigate({ search: (previous) => ({ ...previous, action: event.target.value || undefined }) })}>
                <option value="">Everything</option>
                {NAMED_ACTIONS.map(({ action, label }) => (
                  <option key={action} value={action}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="filter-row">
              <button type="submit" className="button button-primary">
                Show
              </button>
              {(search.tenantId || search.action) && (
                <Link className="link-button" to="/admin/audit" search={{}}>
                  Clear filters
                </Link>
              )}
            </div>
          </form>
        )}
        {!forbidden && query.isPending && <ListLoading label="Loading the audit log…" />}
        {!forbidden && query.isError && !query.data && <ListError title="We couldn't load the audit log" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />}
        {query.isSuccess && entries.length === 0 && (
          <ListEmpty title="Nothing here yet">
            <p>Changes made in the registry, in phone settings and by billing show up here.</p>
          </ListEmpty>
        )}
        {entries.length > 0 && (
          <ol className="audit-list" aria-label="Audit entries">
            {entries.map((entry) => (
              <AuditEntryCard key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
        <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} error={query.isError && query.data ? errorMessage(query.error) : null} onMore={() => void query.fetchNextPage()} />
      </main>
    </div>
  );
}
