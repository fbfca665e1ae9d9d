import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endServerSession, fetchMe } from '../api/endpoints.ts';
import type { LoginResponse, User } from '../api/types.ts';
import { clearSession, getToken, onSignedOut, saveSession } from './session.ts';

export type AuthState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: User }
  | { status: 'unavailable'; message: string };

interface AuthContextValue {
  state: AuthState;
  signIn: (response: LoginResponse) => void;
  signOut: () => void;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
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
      onSignedOut(() =>
        setState((previous) =>
          previous.status === 'signed-in' || previous.status === 'checking'
            ? { status: 'signed-out', reason: 'Your session has ended. Please sign in again.' }
            : { status: 'signed-out' },
        ),
      ),
    [],
  );

  const signIn = useCallback((response: LoginResponse) => {
    saveSession(response.token, response.expiresAt);
    setState({ status: 'signed-in', user: response.user });
  }, []);

  const signOut = useCallback(() => {
    const token = getToken();
    clearSession();
    setState({ status: 'signed-out' });
    if (token) void endServerSession(token);
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
