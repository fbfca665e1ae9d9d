/**
 * The full address of a page in a business's area, for the texts and emails sent to its owner:
 * `https://app.example.com/t/sunny-lawns/voicemails`. Opened signed out, it asks for sign-in and then
 * lands on that page. `publicBaseUrl` is PUBLIC_BASE_URL, the address browsers reach the app on.
 */
export function tenantPageUrl(publicBaseUrl: string, tenantId: string, section: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(tenantId)}/${section}`;
}
