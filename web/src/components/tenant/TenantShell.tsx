import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useParams } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { tenantQuery } from '../../api/queries.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { brandColor, formatPhone, initials } from '../../lib/format.ts';
import { setupPending } from '../../lib/home.ts';
import { AppHeader } from '../AppHeader.tsx';
import { TierBadge } from '../TierBadge.tsx';
import { BusinessSwitcher } from './BusinessSwitcher.tsx';
import { TENANT_SECTIONS } from './sections.ts';
import { SectionNav } from './SectionNav.tsx';
import { TenantBanners } from './TenantBanners.tsx';
import { TenantProvider, useTenant } from './TenantContext.tsx';

/** The frame of a business's own area: who it is, its sections, and the section's page inside. */
export function TenantShell() {
  const user = useUser();
  const { tenantId = '' } = useParams({ strict: false });
  // The section on screen: its path segment, or "home" on the dashboard (/t/:tenantId).
  const section = useLocation({ select: (location) => location.pathname.split('/')[3] || 'home' });
  const query = useQuery(tenantQuery(tenantId));
  const tenant = query.data ?? null;
  const color = tenant ? brandColor(tenant) : undefined;
  const role = user.memberships.find((membership) => membership.tenantId === tenantId)?.role;

  // Its owner finishes the setup first (a business in setup has no number, site or trial yet).
  if (tenant && role && setupPending({ role, status: tenant.status })) return <Navigate to="/t/$tenantId/setup" params={{ tenantId }} replace />;

  return (
    <div className="app-shell">
      <AppHeader />
      <div className="tenant-bar">
        <div className="tenant-bar-inner">
          {user.isPlatformOwner && (
            <Link className="back-link" to="/admin/tenants">
              ← All businesses
            </Link>
          )}
          <div className="tenant-bar-title">
            <div className="tenant-avatar small" style={color ? { backgroundColor: color } : undefined} aria-hidden="true">
              {tenant ? initials(tenant.businessName) : ''}
            </div>
            <div>
              <p className="tenant-bar-name" data-testid="tenant-name">
                {tenant?.businessName ?? (query.isPending ? 'Loading…' : tenantId)}
              </p>
              {tenant && (
                <p className="tenant-bar-meta">
                  <TierBadge tier={tenant.tier} />
                  <span>{tenant.phoneNumber ? formatPhone(tenant.phoneNumber) : 'No phone number yet'}</span>
                </p>
              )}
            </div>
          </div>
          <BusinessSwitcher tenantId={tenantId} />
          <SectionNav tenantId={tenantId} tenant={tenant} current={section} />
        </div>
      </div>
      <main className="page tenant-page" id="main" tabIndex={-1}>
        {query.isPending && (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
        {query.isError && <TenantLoadError error={query.error} onRetry={() => void query.refetch()} />}
        {tenant && <TenantBanners tenant={tenant} section={section} />}
        {tenant && (
          <TenantProvider value={tenant}>
            <Outlet />
          </TenantProvider>
        )}
      </main>
    </div>
  );
}

function TenantLoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <section className="state-panel" role="alert">
      <h2>{status === 403 ? "You don't have access to this business" : status === 404 ? "We couldn't find this business" : "We couldn't load this business"}</h2>
      <p>{error.message}</p>
      {status !== 403 && status !== 404 && (
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}

/** `/t/:tenantId/<no such section>`, inside the shell. */
export function SectionNotFound() {
  const tenant = useTenant();
  return (
    <section className="state-panel">
      <h1>We couldn't find that page</h1>
      <p>Pick one of: {TENANT_SECTIONS.map((s) => s.label).join(', ')}.</p>
      <Link className="button button-primary" to="/t/$tenantId" params={{ tenantId: tenant.id }}>
        Go to your home page
      </Link>
    </section>
  );
}
