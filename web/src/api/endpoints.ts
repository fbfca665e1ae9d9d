import { apiRequest } from './client.ts';
import type { CreateTenantInput, LoginResponse, Tenant, UpdateTenantInput, User } from './types.ts';

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
  const { user } = await apiRequest<{ user: User }>('/api/auth/me', { signal });
  return user;
}

export async function listTenants(includeClosed: boolean, signal?: AbortSignal): Promise<Tenant[]> {
  const query = includeClosed ? '?includeClosed=true' : '';
  const { tenants } = await apiRequest<{ tenants: Tenant[] }>(`/api/admin/tenants${query}`, { signal });
  return tenants;
}

export async function createTenant(input: CreateTenantInput): Promise<Tenant> {
  const { tenant } = await apiRequest<{ tenant: Tenant }>('/api/admin/tenants', { method: 'POST', body: input });
  return tenant;
}

export async function closeTenant(id: string): Promise<void> {
  await apiRequest<unknown>(`/api/admin/tenants/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function updateTenant(id: string, changes: UpdateTenantInput): Promise<Tenant> {
  const { tenant } = await apiRequest<{ tenant: Tenant }>(`/api/admin/tenants/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
  return tenant;
}
