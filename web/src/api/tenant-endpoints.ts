import { apiRequest } from './client.ts';
import type { CallEntry, MessageEntry, Paged, PhoneSettings, PhoneSettingsChanges, SimulatedCall, TenantSummary, VoicemailEntry } from './tenant-types.ts';

const base = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;
const pageQuery = (cursor: string | null) => (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');

export async function fetchTenant(tenantId: string, signal?: AbortSignal): Promise<TenantSummary> {
  return (await apiRequest<{ tenant: TenantSummary }>(base(tenantId), { signal })).tenant;
}

export async function fetchPhoneSettings(tenantId: string, signal?: AbortSignal): Promise<PhoneSettings> {
  return (await apiRequest<{ phoneSettings: PhoneSettings }>(`${base(tenantId)}/phone-settings`, { signal })).phoneSettings;
}

export async function savePhoneSettings(tenantId: string, changes: PhoneSettingsChanges): Promise<PhoneSettings> {
  return (await apiRequest<{ phoneSettings: PhoneSettings }>(`${base(tenantId)}/phone-settings`, { method: 'PATCH', body: changes })).phoneSettings;
}

export async function fetchCalls(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<Paged<CallEntry>> {
  const { calls, nextCursor } = await apiRequest<{ calls: CallEntry[]; nextCursor: string | null }>(`${base(tenantId)}/calls${pageQuery(cursor)}`, { signal });
  return { items: calls, nextCursor };
}

export async function fetchVoicemails(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<Paged<VoicemailEntry> & { unlistened: number }> {
  const { voicemails, nextCursor, unlistened } = await apiRequest<{ voicemails: VoicemailEntry[]; nextCursor: string | null; unlistened: number }>(
    `${base(tenantId)}/voicemails${pageQuery(cursor)}`,
    { signal },
  );
  return { items: voicemails, nextCursor, unlistened };
}

export async function markVoicemail(tenantId: string, id: string, listened: boolean): Promise<VoicemailEntry> {
  return (await apiRequest<{ voicemail: VoicemailEntry }>(`${base(tenantId)}/voicemails/${encodeURIComponent(id)}`, { method: 'PATCH', body: { listened } })).voicemail;
}

export async function fetchMessages(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<Paged<MessageEntry>> {
  const { messages, nextCursor, timeZone } = await apiRequest<{ messages: Omit<MessageEntry, 'timeZone'>[]; nextCursor: string | null; timeZone: string }>(`${base(tenantId)}/messages${pageQuery(cursor)}`, { signal });
  return { items: messages.map((message) => ({ ...message, timeZone })), nextCursor };
}

export async function simulateCall(tenantId: string, input: { from: string; digits: string[]; answerScreening: boolean; hangUpWhenDone: boolean }): Promise<SimulatedCall> {
  return (await apiRequest<{ call: SimulatedCall }>(`${base(tenantId)}/simulator/calls`, { method: 'POST', body: input })).call;
}
