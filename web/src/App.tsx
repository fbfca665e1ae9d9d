import { useAuth } from './auth/AuthContext.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MemberHomePage } from './pages/MemberHomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { TenantRegistryPage } from './pages/TenantRegistryPage.tsx';
import { Redirect, usePathname } from './lib/router.ts';
import type { User } from './api/types.ts';

function homeFor(user: User): string {
  return user.isPlatformOwner ? '/admin/tenants' : '/app';
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
