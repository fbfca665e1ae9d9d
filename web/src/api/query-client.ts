import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** How often a list people watch (calls, voicemail, texts) asks for news while it is on screen. */
export const LIST_REFRESH_MS = 15_000;
/** How often a running export is asked for its progress: often enough for a moving bar. */
export const EXPORT_POLL_MS = 1_000;

// A 4xx will not go away by asking again (no access, not found, a bad request); a network error
// or a 5xx might. 401s sign the user out in apiRequest, so they are never retried either.
const worthRetrying = (failures: number, error: unknown) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

/**
 * The app's one QueryClient, its defaults set here and nowhere else: data counts as fresh for a
 * few seconds (moving between sections does not refetch everything), refetched when the window
 * regains focus, retried only when retrying can help. Changes (mutations) are never retried: a
 * plan change or a test call must not happen twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: worthRetrying },
      mutations: { retry: false },
    },
  });
}
