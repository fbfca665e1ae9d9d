// Every call the web app makes to the API, typed by the API's own answers (./types.ts).
import { apiRequest } from './client.ts';
import type {
  AuditPage,
  AuditQuery,
  Billing,
  CallsPage,
  CreateTenantInput,
  Dashboard,
  DataExport,
  LoginResponse,
  MessageEntry,
  MessagesPage,
  OwnerSite,
  Paged,
  PhoneSettings,
  PhoneSettingsChanges,
  PlanChange,
  RegistryPage,
  RegistryQuery,
  SimulatedCall,
  SiteContentInput,
  SiteUpdateInput,
  Tenant,
  TenantSummary,
  Tier,
  UpdateTenantInput,
  User,
  VoicemailEntry,
  ViewAsSession,
  VoicemailsPage,
  WebsiteRequestEntry,
} from './types.ts';

export function login(email: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password }, auth: false });
}

/**
 * Ends the session on the server, so the token stops working even if a copy of it exists. Sent
 * with the token itself (already forgotten locally) and `keepalive`, so it completes even when
 * the page goes away; the answer does not matter to the user.
 */
export async function endServerSession(token: string): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, keepalive: true }).catch(() => undefined);
}

export async function fetchMe(signal?: AbortSignal): Promise<User> {
  return (await apiRequest<{ user: User }>('/api/auth/me', { signal })).user;
}

// The root dashboard: /api/admin/tenants

/** `?q=…&tier=…`: the values given, in the order given; empty ones left out. */
const queryString = (query: Record<string, string | number | boolean | undefined>) => {
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])));
  return params.size ? `?${params}` : '';
};

export async function listTenants(query: RegistryQuery, signal?: AbortSignal): Promise<RegistryPage> {
  return apiRequest<RegistryPage>(`/api/admin/tenants${queryString(query)}`, { signal });
}

export async function reopenTenant(id: string): Promise<Tenant> {
  return (await apiRequest<{ tenant: Tenant }>(`/api/admin/tenants/${encodeURIComponent(id)}/reopen`, { method: 'POST' })).tenant;
}

/** A read-only session as the tenant's owner (the caller keeps it beside the platform owner's own). */
export async function startViewAs(id: string): Promise<ViewAsSession> {
  return apiRequest<ViewAsSession>(`/api/admin/tenants/${encodeURIComponent(id)}/view-as`, { method: 'POST' });
}

export async function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest<AuditPage>(`/api/admin/audit${queryString(query)}`, { signal });
}

export async function createTenant(input: CreateTenantInput): Promise<Tenant> {
  return (await apiRequest<{ tenant: Tenant }>('/api/admin/tenants', { method: 'POST', body: input })).tenant;
}

export async function updateTenant(id: string, changes: UpdateTenantInput): Promise<Tenant> {
  return (await apiRequest<{ tenant: Tenant }>(`/api/admin/tenants/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes })).tenant;
}

export async function closeTenant(id: string): Promise<void> {
  await apiRequest<unknown>(`/api/admin/tenants/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

// One business: /api/tenants/:tenantId/...

const base = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;
const pageQuery = (cursor: string | null) => (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');

export async function fetchTenant(tenantId: string, signal?: AbortSignal): Promise<TenantSummary> {
  return (await apiRequest<{ tenant: TenantSummary }>(base(tenantId), { signal })).tenant;
}

export async function fetchDashboard(tenantId: string, signal?: AbortSignal): Promise<Dashboard> {
  return (await apiRequest<{ dashboard: Dashboard }>(`${base(tenantId)}/dashboard`, { signal })).dashboard;
}

export async function fetchPhoneSettings(tenantId: string, signal?: AbortSignal): Promise<PhoneSettings> {
  return (await apiRequest<{ phoneSettings: PhoneSettings }>(`${base(tenantId)}/phone-settings`, { signal })).phoneSettings;
}

export async function savePhoneSettings(tenantId: string, changes: PhoneSettingsChanges): Promise<PhoneSettings> {
  return (await apiRequest<{ phoneSettings: PhoneSettings }>(`${base(tenantId)}/phone-settings`, { method: 'PATCH', body: changes })).phoneSettings;
}

export async function fetchCalls(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<Paged<CallsPage['calls'][number]>> {
  const { calls, nextCursor } = await apiRequest<CallsPage>(`${base(tenantId)}/calls${pageQuery(cursor)}`, { signal });
  return { items: calls, nextCursor };
}

export async function fetchVoicemails(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<Paged<VoicemailEntry> & { unlistened: number }> {
  const { voicemails, nextCursor, unlistened } = await apiRequest<VoicemailsPage>(`${base(tenantId)}/voicemails${pageQuery(cursor)}`, { signal });
  return { items: voicemails, nextCursor, unlistened };
}

export async function markVoicemail(tenantId: string, id: string, listened: boolean): Promise<VoicemailEntry> {
  return (await apiRequest<{ voicemail: VoicemailEntry }>(`${base(tenantId)}/voicemails/${encodeURIComponent(id)}`, { method: 'PATCH', body: { listened } })).voicemail;
}

export async function fetchMessages(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<Paged<MessageEntry>> {
  const { messages, nextCursor, timeZone } = await apiRequest<MessagesPage>(`${base(tenantId)}/messages${pageQuery(cursor)}`, { signal });
  return { items: messages.map((message) => ({ ...message, timeZone })), nextCursor };
}

export async function simulateCall(tenantId: string, input: { from: string; digits: string[]; answerScreening: boolean; hangUpWhenDone: boolean }): Promise<SimulatedCall> {
  return (await apiRequest<{ call: SimulatedCall }>(`${base(tenantId)}/simulator/calls`, { method: 'POST', body: input })).call;
}

// Billing: /api/tenants/:tenantId/billing

export async function fetchBilling(tenantId: string, signal?: AbortSignal): Promise<Billing> {
  return (await apiRequest<{ billing: Billing }>(`${base(tenantId)}/billing`, { signal })).billing;
}

export async function changePlan(tenantId: string, tier: Tier): Promise<PlanChange> {
  return (await apiRequest<{ change: PlanChange }>(`${base(tenantId)}/billing/plan`, { method: 'POST', body: { tier } })).change;
}

export async function paymentLink(tenantId: string, kind: 'checkout' | 'portal'): Promise<string> {
  return (await apiRequest<{ url: string }>(`${base(tenantId)}/billing/payment-link`, { method: 'POST', body: { kind } })).url;
}

// Exports: /api/tenants/:tenantId/exports

export async function listExports(tenantId: string, signal?: AbortSignal): Promise<DataExport[]> {
  return (await apiRequest<{ exports: DataExport[] }>(`${base(tenantId)}/exports`, { signal })).exports;
}

export async function requestExport(tenantId: string): Promise<DataExport> {
  return (await apiRequest<{ export: DataExport }>(`${base(tenantId)}/exports`, { method: 'POST' })).export;
}

export async function fetchSite(tenantId: string, signal?: AbortSignal): Promise<OwnerSite> {
  return (await apiRequest<{ site: OwnerSite }>(`${base(tenantId)}/site`, { signal })).site;
}

export async function saveSite(tenantId: string, changes: SiteUpdateInput): Promise<OwnerSite> {
  return (await apiRequest<{ site: OwnerSite }>(`${base(tenantId)}/site`, { method: 'PUT', body: changes })).site;
}

/** The front page as it would look with these (unsaved) changes: HTML for the editor's preview. */
export function previewSite(tenantId: string, changes: { template?: string; content?: SiteContentInput }, signal?: AbortSignal): Promise<string> {
  return apiRequest<string>(`${base(tenantId)}/site/preview`, { method: 'POST', body: changes, signal, as: 'text' });
}

export async function fetchWebsiteRequests(tenantId: string, signal?: AbortSignal): Promise<WebsiteRequestEntry[]> {
  return (await apiRequest<{ requests: WebsiteRequestEntry[] }>(`${base(tenantId)}/site/requests`, { signal })).requests;
}
