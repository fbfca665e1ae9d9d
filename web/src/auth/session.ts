// The signed-in session (bearer token) kept in localStorage, plus a tiny "signed out" signal
// so any API call that gets a 401 can send the whole app back to the login page.

const STORAGE_KEY = 'servicepro.session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.token !== 'string' || !parsed.token) return null;
    return { token: parsed.token, expiresAt: typeof parsed.expiresAt === 'string' ? parsed.expiresAt : '' };
  } catch {
    return null;
  }
}

/** The stored token, or null when there is none or it has expired. */
export function getToken(): string | null {
  const session = read();
  if (!session) return null;
  const expires = Date.parse(session.expiresAt);
  if (!Number.isNaN(expires) && expires <= Date.now()) {
    clearSession();
    return null;
  }
  return session.token;
}

export function saveSession(token: string, expiresAt: string): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, expiresAt } satisfies StoredSession));
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called when the API says the token is no longer good (401). Returns an unsubscribe. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Forget the token and tell the app to show the login page. */
export function signOut(): void {
  clearSession();
  for (const listener of signedOutListeners) listener();
}
