// The account calls that need no sign-in (invites, password reset) and a business's team.
import { apiRequest } from './client.ts';
import type { AcceptedInvite, InvitePreview, Role, SentInvite, Team } from './types.ts';

export async function previewInvite(token: string): Promise<InvitePreview> {
  return (await apiRequest<{ invite: InvitePreview }>('/api/invites/preview', { method: 'POST', body: { token }, auth: false })).invite;
}

/** A new account sends a name and new password; an existing one its current password. */
export function acceptInvite(input: { token: string; name?: string; password: string }): Promise<AcceptedInvite> {
  return apiRequest<AcceptedInvite>('/api/invites/accept', { method: 'POST', body: input, auth: false });
}

export async function requestPasswordReset(email: string): Promise<void> {
  await apiRequest<unknown>('/api/auth/password-reset', { method: 'POST', body: { email }, auth: false });
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await apiRequest<unknown>('/api/auth/password-reset/confirm', { method: 'POST', body: { token, password }, auth: false });
}

const team = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/members`;

export const fetchTeam = (tenantId: string, signal?: AbortSignal) => apiRequest<Team>(team(tenantId), { signal });

export async function inviteMember(tenantId: string, email: string, role: Role): Promise<SentInvite> {
  return (await apiRequest<{ invite: SentInvite }>(team(tenantId), { method: 'POST', body: { email, role } })).invite;
}

export async function resendInvite(tenantId: string, inviteId: string): Promise<SentInvite> {
  return (await apiRequest<{ invite: SentInvite }>(`${team(tenantId)}/invites/${encodeURIComponent(inviteId)}/resend`, { method: 'POST' })).invite;
}

export async function revokeInvite(tenantId: string, inviteId: string): Promise<void> {
  await apiRequest<unknown>(`${team(tenantId)}/invites/${encodeURIComponent(inviteId)}`, { method: 'DELETE' });
}

export async function removeMember(tenantId: string, userId: string): Promise<void> {
  await apiRequest<unknown>(`${team(tenantId)}/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export async function changeMemberRole(tenantId: string, userId: string, role: Role): Promise<void> {
  await apiRequest<unknown>(`${team(tenantId)}/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } });
}

export async function transferOwnership(tenantId: string, userId: string): Promise<void> {
  await apiRequest<unknown>(`${team(tenantId)}/transfer-ownership`, { method: 'POST', body: { userId } });
}

/** The registry's "Invite owner" for an existing business. */
export async function inviteOwner(tenantId: string, email: string): Promise<SentInvite> {
  return (await apiRequest<{ invite: SentInvite }>(`/api/admin/tenants/${encodeURIComponent(tenantId)}/owner-invites`, { method: 'POST', body: { email } })).invite;
}
