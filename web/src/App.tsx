import { useAuth } from './auth/AuthContext.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MemberHomePage } from './pages/MemberHomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { TenantRegistryPage } from './pages/TenantRegistryPage.tsx';
import { TenantArea } from './pages/tenant/TenantArea.tsx';
import { Redirect, usePathname } from './lib/router.ts';
import type { User } from './api/types.ts';

function homeFor(user: User): string {
  if (user.isPlatformOwner) return '/admin/tenants';
  // A member of one business lands in it; members of several pick one on /app.
  const [only, ...others] = user.memberships;
  return only && others.length === 0 ? `/t/${encodeURIComponent(only.tenantId)}/calls` : '/app';
}

/** `/t/:tenantId` or `/t/:tenantId/:section`. */
function tenantRoute(path: string): { tenantId: string; section: string | null } | null {
  const match = /^\/t\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  return match ? { tenantId: decodeURIComponent(match[1]!), section: match[2] ?? null } : null;
}

export function App() {
  const { state, signIn, signOut, retry } = useAuth();
  const path = usePathname().replace(/\/+$/, '') || '/';

  if (state.status === 'checking') {
    return (
      <main className="splash" aria-busy="true">
        <p role="status">Loading ServicePro…</p>
      </main>
    );
  }

  if (state.status === 'unavailable') {
    return (
      <main className="page">
        <section className="state-panel" role="alert">
          <h1>ServicePro isn't answering</h1>
          <p>{state.message}</p>
          <div className="state-actions">
            <button type="button" className="button button-primary" onClick={retry}>
              Try again
            </button>
            <button type="button" className="button button-ghost" onClick={signOut}>
              Sign out
            </button>
          </div>
        </section>
      </main>
    );
  }

  if (state.status === 'signed-out') {
    if (path !== '/login') return <Redirect to="/login" />;
    return <LoginPage notice={state.reason} onSignedIn={signIn} />;
  }

  const { user } = state;
  const home = homeFor(user);
  const tenant = tenantRoute(path);
  if (tenant) {
    if (!tenant.section) return <Redirect to={`/t/${encodeURIComponent(tenant.tenantId)}/calls`} />;
    return <TenantArea user={user} onSignOut={signOut} tenantId={tenant.tenantId} section={tenant.section} />;
  }
  switch (path) {
    case '/':
    case '/login':
      return <Redirect to={home} />;
    case '/admin':
      return <Redirect to="/admin/tenants" />;
    case '/admin/tenants':
      return <TenantRegistryPage user={user} onSignOut={signOut} />;
    case '/app':
      return <MemberHomePage user={user} onSignOut={signOut} />;
    default:
      return <NotFoundPage home={home} />;
  }
}
