import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useMatches } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';
import { tenantQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { homeFor } from '../lib/home.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

// Toasts are rare (the registry's "added", "closed"): their code loads after the first page.
const Toaster = lazy(() => import('sonner').then((sonner) => ({ default: sonner.Toaster })));

/** Around every page: the skip link, the page's title in the browser tab, and the toasts. */
export function RootLayout() {
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus the page's content without touching the URL (the router owns it).
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <DocumentTitle />
      <Outlet />
      <Suspense fallback={null}>
        <Toaster position="bottom-center" richColors closeButton />
      </Suspense>
    </>
  );
}

/** "Calls · Clean Machine Auto Detail · ServicePro": the deepest page's title, then the business it belongs to. */
function DocumentTitle() {
  const matches = useMatches();
  const notFound = matches.some((match) => match.status === 'notFound');
  const title = notFound ? 'Page not found' : matches.findLast((match) => match.staticData?.title)?.staticData.title;
  const tenantId = matches.map((match) => (match.params as { tenantId?: string }).tenantId).find(Boolean);
  const tenant = useQuery({ ...tenantQuery(tenantId ?? ''), enabled: Boolean(tenantId) }).data;
  const parts = [title, tenantId ? (tenant?.businessName ?? null) : null, 'ServicePro'];
  const text = parts.filter(Boolean).join(' · ');
  useEffect(() => {
    document.title = text;
  }, [text]);
  return null;
}

/** A path that is no page of the app: visitors sign in first, others get a way home. */
export function TopLevelNotFound() {
  const { state } = useAuth();
  if (state.status !== 'signed-in') return <Navigate to="/login" replace />;
  return <NotFoundPage home={homeFor(state.user)} />;
}
