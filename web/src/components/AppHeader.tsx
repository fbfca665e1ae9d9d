import { useAuth, useUser } from '../auth/AuthContext.tsx';
import { ShieldIcon } from './ShieldIcon.tsx';
import { ViewAsBanner } from './ViewAsBanner.tsx';

export function AppHeader() {
  const user = useUser();
  const { signOut } = useAuth();
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <ShieldIcon size={22} />
          <span>ServicePro</span>
          {user.isPlatformOwner && <span className="brand-tag">Platform owner</span>}
        </div>
        <div className="header-user">
          <span className="signed-in-as">
            <span className="visually-hidden">Signed in as </span>
            <span data-testid="signed-in-email">{user.email}</span>
          </span>
          <button type="button" className="button button-ghost" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      {/* Every signed-in page has this header, so a view as an owner is marked on every page. */}
      <ViewAsBanner />
    </>
  );
}
