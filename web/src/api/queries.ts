// What the pages read, as TanStack Query options: one key per resource, so a change in one place
// (a plan change, a saved setting) refreshes every view of it.
import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query';
import { fetchTeam } from './account-endpoints.ts';
import { fetchRegistration } from './registration-endpoints.ts';
import { fetchAudit, fetchBilling, fetchCalls, fetchDashboard, fetchMessages, fetchPhoneSettings, fetchSite, fetchTenant, fetchVoicemails, fetchWebsiteRequests, listExports, listTenants } from './endpoints.ts';
import { EXPORT_POLL_MS, LIST_REFRESH_MS } from './query-client.ts';
import type { AuditPage, AuditQuery, DataExport, Paged, RegistryQuery } from './types.ts';

export const keys = {
  tenants: (query: RegistryQuery) => ['tenants', query] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
  allTenants: ['tenants'] as const,
  tenant: (tenantId: string) => ['tenant', tenantId] as const,
  dashboard: (tenantId: string) => ['tenant', tenantId, 'dashboard'] as const,
  phoneSettings: (tenantId: string) => ['tenant', tenantId, 'phone-settings'] as const,
  calls: (tenantId: string) => ['tenant', tenantId, 'calls'] as const,
  voicemails: (tenantId: string) => ['tenant', tenantId, 'voicemails'] as const,
  messages: (tenantId: string) => ['tenant', tenantId, 'messages'] as const,
  billing: (tenantId: string) => ['tenant', tenantId, 'billing'] as const,
  exports: (tenantId: string) => ['tenant', tenantId, 'exports'] as const,
  team: (tenantId: string) => ['tenant', tenantId, 'team'] as const,
  registration: (tenantId: string) => ['tenant', tenantId, 'registration'] as const,
  site: (tenantId: string) => ['tenant', tenantId, 'site'] as const,
  websiteRequests: (tenantId: string) => ['tenant', tenantId, 'site', 'requests'] as const,
};

/** One page of the registry as searched and filtered (the page's URL holds the query). */
export const tenantsQuery = (query: RegistryQuery) => queryOptions({ queryKey: keys.tenants(query), queryFn: ({ signal }) => listTenants(query, signal) });

/** The audit log, newest first, a page at a time. */
export const auditQuery = (query: Omit<AuditQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: keys.audit(query),
    queryFn: ({ pageParam, signal }) => fetchAudit({ ...query, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: AuditPage) => last.nextCursor,
  });

export const teamQuery = (tenantId: string) => queryOptions({ queryKey: keys.team(tenantId), queryFn: ({ signal }) => fetchTeam(tenantId, signal) });

export const tenantQuery = (tenantId: string) => queryOptions({ queryKey: keys.tenant(tenantId), queryFn: ({ signal }) => fetchTenant(tenantId, signal) });

/** The business's home page; like the lists, it refreshes itself while it is on screen. */
export const dashboardQuery = (tenantId: string) =>
  queryOptions({ queryKey: keys.dashboard(tenantId), queryFn: ({ signal }) => fetchDashboard(tenantId, signal), refetchInterval: LIST_REFRESH_MS });

export const phoneSettingsQuery = (tenantId: string) =>
  queryOptions({ queryKey: keys.phoneSettings(tenantId), queryFn: ({ signal }) => fetchPhoneSettings(tenantId, signal) });

/** Carrier registration for texting: reviews take days, so it refreshes like the lists while on screen. */
export const registrationQuery = (tenantId: string) =>
  queryOptions({ queryKey: keys.registration(tenantId), queryFn: ({ signal }) => fetchRegistration(tenantId, signal), refetchInterval: LIST_REFRESH_MS });

export const billingQuery = (tenantId: string) => queryOptions({ queryKey: keys.billing(tenantId), queryFn: ({ signal }) => fetchBilling(tenantId, signal) });

/** A newest-first list read a page at a time, that refreshes itself while it is on screen. */
function liveList<T>(queryKey: readonly unknown[], fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Paged<T>>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Paged<T>) => last.nextCursor,
    refetchInterval: LIST_REFRESH_MS,
  });
}

export const callsQuery = (tenantId: string) => liveList(keys.calls(tenantId), (cursor, signal) => fetchCalls(tenantId, cursor, signal));
export const voicemailsQuery = (tenantId: string) => liveList(keys.voicemails(tenantId), (cursor, signal) => fetchVoicemails(tenantId, cursor, signal));
export const messagesQuery = (tenantId: string) => liveList(keys.messages(tenantId), (cursor, signal) => fetchMessages(tenantId, cursor, signal));

/** The items of every page loaded so far, each once (a row can move between pages as new ones arrive). */
export function listItems<T extends { id: string }>(data: InfiniteData<Paged<T>> | undefined): T[] {
  const seen = new Set<string>();
  return (data?.pages ?? []).flatMap((page) => page.items).filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}

/** The business's exports, newest first; while one is running the list is asked again every second. */
export const exportsQuery = (tenantId: string) =>
  queryOptions({
    queryKey: keys.exports(tenantId),
    queryFn: ({ signal }) => listExports(tenantId, signal),
    refetchInterval: (query) => (query.state.data?.some((item: DataExport) => item.status === 'running') ? EXPORT_POLL_MS : false),
  });

export const siteQuery = (tenantId: string) => queryOptions({ queryKey: keys.site(tenantId), queryFn: ({ signal }) => fetchSite(tenantId, signal) });

/** Requests from the website's booking form; refreshed while on screen, like the other lists. */
export const websiteRequestsQuery = (tenantId: string) =>
  queryOptions({ queryKey: keys.websiteRequests(tenantId), queryFn: ({ signal }) => fetchWebsiteRequests(tenantId, signal), refetchInterval: LIST_REFRESH_MS });
