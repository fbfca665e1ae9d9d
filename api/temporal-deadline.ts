import type { AppDeps } from './context.ts';

/**
 * Runs `work` against Temporal for at most `ms`. withDeadline bounds the gRPC call; the race also
 * bounds the client's own connection retries (and an Update waiting for a worker that never
 * polls), so the API always answers in time — the caller decides what a timeout means.
 */
export async function withinTemporalDeadline<T>(deps: Pick<AppDeps, 'temporal'>, ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Temporal did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([deps.temporal.connection.withDeadline(Date.now() + ms, work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
