import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';

export type LoadState<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; message: string; status: number };

/** Loads once per change of `deps`; `reload()` fetches again, `setData` applies a local change. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    load(controller.signal)
      .then((data) => setState({ kind: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ kind: 'error', message: errorMessage(error), status: error instanceof ApiError ? error.status : 0 });
      });
    return () => controller.abort();
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ kind: 'ready', data }), []);
  return { state, reload, setData };
}
