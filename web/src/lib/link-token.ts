/**
 * The token of an emailed link (`/invite#token=…`, `/reset-password#token=…`). It travels in the
 * #fragment, which the browser never sends to a server; null when the link was cut short.
 */
export function linkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
