import type { User } from '../api/types.ts';

export function ForbiddenNotice({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  return (
    <section className="state-panel" role="alert">
      <h2>This page is for the platform owner</h2>
      <p>
        You're signed in as <strong>{user.email}</strong>, which doesn't manage the ServicePro platform. If you think this
        is a mistake, sign out and sign in with the platform owner's login.
      </p>
      <button type="button" className="button button-primary" onClick={onSignOut}>
        Sign in with another account
      </button>
    </section>
  );
}
