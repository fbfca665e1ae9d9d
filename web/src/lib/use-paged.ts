import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { Paged } from '../api/tenant-types.ts';

type PagedState<T> =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; items: T[]; nextCursor: string | null; loadingMore: boolean; moreError: string | null };

/** A newest-first list fetched a page at a time ("Show older"). `key` resets it (another tenant). */
export function usePaged<T extends { id: string }>(key: string, fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<Paged<T>>) {
  const [state, setState] = useState<PagedState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchRef
      .current(null, controller.signal)
      .then((page) => setState({ kind: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false, moreError: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    if (state.kind !== 'ready' || !state.nextCursor || state.loadingMore) return;
    setState({ ...state, loadingMore: true, moreError: null });
    try {
      const page = await fetchRef.current(state.nextCursor);
      setState((previous) =>
        previous.kind === 'ready' ? { kind: 'ready', items: [...previous.items, ...page.items.filter((item) => !previous.items.some((p) => p.id === item.id))], nextCursor: page.nextCursor, loadingMore: false, moreError: null } : previous,
      );
    } catch (error) {
      setState((previous) => (previous.kind === 'ready' ? { ...previous, loadingMore: false, moreError: errorMessage(error) } : previous));
    }
  }, [state]);

  const replace = useCallback((item: T) => {
    setState((previous) => (previous.kind === 'ready' ? { ...previous, items: previous.items.map((existing) => (existing.id === item.id ? item : existing)) } : previous));
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, replace, reload };
}
