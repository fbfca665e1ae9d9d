import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useAuth } from './auth/AuthContext.tsx';
import { router } from './router.tsx';

/** Asks who is signed in, then hands every page to the router (which guards them with that answer). */
export function App() {
  const auth = useAuth();
  const { state, signOut, retry } = auth;

  // Signing in or out changes what the guards decide: run them again for the current page.
  useEffect(() => {
    void router.invalidate();
  }, [state]);

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

  return <RouterProvider router={router} context={{ auth: state }} />;
}
