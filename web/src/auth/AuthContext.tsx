import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endServerSession, fetchMe } from '../api/endpoints.ts';
import type { LoginResponse, User } from '../api/types.ts';
import { clearSession, clearView, getOwnToken, getToken, getViewToken, onSignedOut, saveSession } from './session.ts';

export type AuthState =
  | { status: 'checking' }
  /** `onPurpose`: the user pressed Sign out (the next sign-in starts at its own home page). */
  | { status: 'signed-out'; reason?: string; onPurpose?: boolean }
  | { status: 'signed-in'; user: User }
  | { status: 'unavailable'; message: string };

interface AuthContextValue {
  state: AuthState;
  signIn: (response: LoginResponse) => void;
  signOut: () => void;
  retry: () => void;
  /** Asks /me again without leaving the page (after a change to your own memberships). */
  refreshUser: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>(() => (getToken() ? { status: 'checking' } : { status: 'signed-out' }));
  const [attempt, setAttempt] = useState(0);

  // With a stored token, ask the API who we are before showing anything.
  useEffect(() => {
    if (state.status !== 'checking') return;
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then((user) => setState({ status: 'signed-in', user }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const status = (error as { status?: number }).status;
        if (status === 401) return; // onSignedOut below handles it
        if (status === 403) {
          clearSession();
          setState({ status: 'signed-out' });
          return;
        }
        setState({ status: 'unavailable', message: (error as Error).message || 'ServicePro is not answering right now.' });
      });
    return () => controller.abort();
  }, [state.status, attempt]);

  useEffect(
    () =>
      onSignedOut(() => {
        queryClient.clear();
        setState((previous) =>
          previous.status === 'signed-in' || previous.status === 'checking'
            ? { status: 'signed-out', reason: 'Your session has ended. Please sign in again.' }
            : { status: 'signed-out' },
        );
      }),
    [queryClient],
  );

  const signIn = useCallback((response: LoginResponse) => {
    saveSession(response.token, response.expiresAt);
    // The login answer names the user; should it not, ask /me like a reload would.
    setState(response.user ? { status: 'signed-in', user: response.user } : { status: 'checking' });
  }, []);

  const signOut = useCallback(() => {
    // A view as an owner ends with the platform owner's own session.
    const tokens = [getViewToken(), getOwnToken()];
    clearView();
    clearSession();
    // Nothing one account read may show to the next one who signs in on this browser.
    queryClient.clear();
    setState({ status: 'signed-out', onPurpose: true });
    for (const token of tokens) if (token) void endServerSession(token);
  }, [queryClient]);

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const refreshUser = useCallback(async () => {
    const user = await fetchMe().catch(() => null);
    if (user) setState((previous) => (previous.status === 'signed-in' ? { status: 'signed-in', user } : previous));
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry, refreshUser }), [state, signIn, signOut, retry, refreshUser]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The signed-in user, for pages behind the sign-in guard (the router sends everyone else to /login). */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useUser is for pages behind the sign-in guard');
  return state.user;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
