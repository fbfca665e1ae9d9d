/** The plans, cheapest first. */
export const TENANT_TIERS = ['starter', 'pro', 'elite'] as const;
export type TenantTier = (typeof TENANT_TIERS)[number];

export const TENANT_STATUSES = ['trialing', 'active', 'past_due', 'suspended', 'closed'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const IVR_MODES = ['simple', 'ivr', 'ai-voice'] as const;
export type IvrMode = (typeof IVR_MODES)[number];

export const ROOT_TENANT_ID = 'root';
export const ROOT_BUSINESS_NAME = 'Clean Machine Auto Detail';

/** Tenant ids appear in URLs, workflow ids and search attributes: short, lowercase, no personal data. */
export const TENANT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/** A tenant id from a business name: "Sparkle & Shine Detailing" → "sparkle-shine-detailing". */
export function tenantIdFromName(businessName: string): string {
  const base = businessName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/, '');
  return base.length >= 3 ? base : `tenant-${base || 'new'}`.slice(0, 34);
}
