import { apiRequest } from './client.ts';
import type { CampaignWordingInput, Registration } from './types.ts';

// A business's carrier registration for texting: /api/tenants/:tenantId/carrier-registration.

const path = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/carrier-registration`;

export async function fetchRegistration(tenantId: string, signal?: AbortSignal): Promise<Registration> {
  return (await apiRequest<{ registration: Registration }>(path(tenantId), { signal })).registration;
}

export async function startRegistration(tenantId: string): Promise<Registration> {
  return (await apiRequest<{ registration: Registration }>(path(tenantId), { method: 'POST' })).registration;
}

/** The owner's fix: their rewrite of the campaign, or nothing (they fixed their website and ask again). */
export async function resubmitRegistration(tenantId: string, wording?: CampaignWordingInput): Promise<Registration> {
  return (await apiRequest<{ registration: Registration }>(`${path(tenantId)}/resubmit`, { method: 'POST', body: wording ? { wording } : {} })).registration;
}
