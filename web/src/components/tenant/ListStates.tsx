import type { ReactNode } from 'react';

/** Loading, error and empty states shared by the call log, voicemail and texts lists. */
export function ListLoading({ label }: { label: string }) {
  return (
    <div className="list-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="skeleton skeleton-row-line" />
      ))}
    </div>
  );
}

export function ListError({ title, message, onRetry }: { title: string; message: string; onRetry: () => void }) {
  return (
    <section className="state-panel" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      <button type="button" className="button button-primary" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}

export function ListEmpty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="state-panel empty-state">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function LoadMore({ hasMore, loading, error, onMore, label = 'Show older' }: { hasMore: boolean; loading: boolean; error: string | null; onMore: () => void; label?: string }) {
  if (!hasMore && !error) return null;
  return (
    <div className="load-more">
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      {hasMore && (
        <button type="button" className="button button-ghost" onClick={onMore} disabled={loading}>
          {loading ? 'Loading…' : label}
        </button>
      )}
    </div>
  );
}
