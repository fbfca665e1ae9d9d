import { useAuth, useUser } from '../auth/AuthContext.tsx';

export function ForbiddenNotice() {
  const user = useUser();
  const { signOut } = useAuth();
  return (
    <section className="state-panel" role="alert">
      <h2>This page is for the platform owner</h2>
      <p>
        You're signed in as <strong>{user.email}</strong>, which doesn't manage the ServicePro platform. If you think this
        is a mistake, sign out and sign in with the platform owner's login.
      </p>
      <button type="button" className="button button-primary" onClick={signOut}>
        Sign in with another account
      </button>
    </section>
  );
}
