import type { ReactNode } from 'react';
import { fetchTenant } from '../../api/tenant-endpoints.ts';
import type { TenantSummary } from '../../api/tenant-types.ts';
import type { User } from '../../api/types.ts';
import { brandColor, formatPhone, initials } from '../../lib/format.ts';
import { Link } from '../../lib/router.ts';
import { useLoad } from '../../lib/use-load.ts';
import { AppHeader } from '../AppHeader.tsx';
import { AccountBanner } from '../billing/AccountBanner.tsx';
import { TierBadge } from '../TierBadge.tsx';

export const TENANT_SECTIONS = [
  { id: 'calls', label: 'Calls' },
  { id: 'voicemails', label: 'Voicemail' },
  { id: 'texts', label: 'Texts' },
  { id: 'phone', label: 'Phone settings' },
  { id: 'sip', label: 'SIP app' },
  { id: 'simulator', label: 'Try a call', ownersOnly: true },
  { id: 'billing', label: 'Billing' },
  { id: 'exports', label: 'Export data' },
] as const;
export type TenantSection = (typeof TENANT_SECTIONS)[number]['id'];

interface TenantShellProps {
  user: User;
  onSignOut: () => void;
  tenantId: string;
  section: string;
  /** `reloadTenant` refetches the header (e.g. after a plan change). */
  children: (tenant: TenantSummary, reloadTenant: () => void) => ReactNode;
}

/** The frame of a business's own area: who it is, the section tabs, and the page inside. */
export function TenantShell({ user, onSignOut, tenantId, section, children }: TenantShellProps) {
  const { state, reload } = useLoad((signal) => fetchTenant(tenantId, signal), [tenantId]);
  const tenant = state.kind === 'ready' ? state.data : null;
  const color = tenant ? brandColor(tenant) : undefined;
  const sections = TENANT_SECTIONS.filter((s) => !('ownersOnly' in s) || tenant?.canManage);

  return (
    <div className="app-shell">
      <AppHeader user={user} onSignOut={onSignOut} />
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
                {tenant?.businessName ?? (state.kind === 'loading' ? 'Loading…' : tenantId)}
              </p>
              {tenant && (
                <p className="tenant-bar-meta">
                  <TierBadge tier={tenant.tier} />
                  <span>{tenant.phoneNumber ? formatPhone(tenant.phoneNumber) : 'No phone number yet'}</span>
                </p>
              )}
            </div>
          </div>
          <nav className="tenant-tabs" aria-label="Business sections">
            {sections.map((s) => (
              <Link key={s.id} to={`/t/${encodeURIComponent(tenantId)}/${s.id}`} className="tenant-tab" aria-current={s.id === section ? 'page' : undefined}>
                {s.label}
              </Link>
            ))}
          </nav>
        </div>
      </div>
      <main className="page tenant-page">
        {state.kind === 'loading' && (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
        {state.kind === 'error' && (
          <section className="state-panel" role="alert">
            <h2>{state.status === 403 ? "You don't have access to this business" : state.status === 404 ? "We couldn't find this business" : "We couldn't load this business"}</h2>
            <p>{state.message}</p>
            {state.status !== 403 && state.status !== 404 && (
              <button type="button" className="button button-primary" onClick={reload}>
                Try again
              </button>
            )}
          </section>
        )}
        {tenant && section !== 'billing' && <AccountBanner tenant={tenant} />}
        {tenant && children(tenant, reload)}
      </main>
    </div>
  );
}
