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

/** The token requests carry: a running "view as owner" session first, else the user's own; null when none is live. */
export function getToken(): string | null {
  return getViewToken() ?? getOwnToken();
}

/** The signed-in user's own token, or null when there is none or it has expired. */
export function getOwnToken(): string | null {
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

// A platform owner's "view as owner" session sits beside their own, in sessionStorage: it ends
// with the tab, and stopping it (or its expiry) brings back the platform owner's own session.
const VIEW_KEY = 'servicepro.view-as';

export function getViewToken(): string | null {
  try {
    const view = JSON.parse(sessionStorage.getItem(VIEW_KEY) ?? 'null') as Partial<StoredSession> | null;
    if (typeof view?.token !== 'string' || !view.token) return null;
    const expires = Date.parse(view.expiresAt ?? '');
    if (!Number.isNaN(expires) && expires <= Date.now()) {
      clearView();
      return null;
    }
    return view.token;
  } catch {
    return null;
  }
}

export function saveView(token: string, expiresAt: string): void {
  sessionStorage.setItem(VIEW_KEY, JSON.stringify({ token, expiresAt } satisfies StoredSession));
}

export function clearView(): void {
  sessionStorage.removeItem(VIEW_KEY);
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
  clearView();
  clearSession();
  for (const listener of signedOutListeners) listener();
}

/**
 * The API said the token is no longer good (401). A view that ended (expired, or stopped in
 * another tab) hands back to the platform owner's own session; anything else signs out.
 */
export function sessionEnded(): void {
  if (getViewToken()) {
    clearView();
    window.location.reload();
    return;
  }
  signOut();
}
