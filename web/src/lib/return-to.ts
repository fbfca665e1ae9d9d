// Where sign-in sends someone back to: the page they asked for, if it is one of ours.

/**
 * `raw` as a path of this app ("/t/root/voicemails?x=1"), or null for anything that could leave
 * it: another origin ("https://…", "//evil.example"), a backslash trick ("/\\evil"), a script URL.
 */
export function returnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  if (/[\u0000-\u001f]/.test(raw)) return null;
  try {
    const url = new URL(raw, 'http://servicepro.invalid');
    return url.origin === 'http://servicepro.invalid' ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The search a sign-in page gets: nothing for the home page (or a sign-out), else the page to return to. */
export function signInSearch(href: string, signedOutOnPurpose: boolean): { redirect?: string } {
  const path = returnPath(href);
  return signedOutOnPurpose || !path || path === '/' || path.startsWith('/login') ? {} : { redirect: path };
}
