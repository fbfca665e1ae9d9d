import { useEffect, useRef } from 'react';
import { fetchExport, listExports, requestExport, type DataExport } from '../api/exports.ts';
import { useLoad } from './use-load.ts';

/** How often a running export is asked for its progress: often enough for a moving bar. */
export const EXPORT_POLL_MS = 1_000;

/**
 * The business's exports, newest first. While one is running it is polled about once a second, so
 * its progress bar moves and the download appears the moment it is ready.
 */
export function useExports(tenantId: string) {
  const { state, reload, setData } = useLoad((signal) => listExports(tenantId, signal), [tenantId]);
  const items = state.kind === 'ready' ? state.data : null;
  const latest = useRef<DataExport[] | null>(items);
  latest.current = items;
  const running = items?.filter((e) => e.status === 'running').map((e) => e.id).join(',') ?? '';

  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const timer = setInterval(async () => {
      try {
        const fresh = await Promise.all(running.split(',').map((id) => fetchExport(tenantId, id, controller.signal)));
        const current = latest.current;
        if (!current || controller.signal.aborted) return;
        setData(current.map((item) => fresh.find((f) => f.id === item.id) ?? item));
      } catch {
        // A missed poll is fine: the next one (or Refresh) catches up.
      }
    }, EXPORT_POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [tenantId, running, setData]);

  async function start(): Promise<DataExport> {
    const created = await requestExport(tenantId);
    setData([created, ...(latest.current ?? []).filter((e) => e.id !== created.id)]);
    return created;
  }

  return { state, reload, start };
}
