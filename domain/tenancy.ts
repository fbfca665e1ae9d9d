/** The plans, cheapest first. */
export const TENANT_TIERS = ['starter', 'pro', 'elite'] as const;
export type TenantTier = (typeof TENANT_TIERS)[number];

/**
 * A tenant's life: `onboarding` from signup until the wizard's provisioning finishes (no number yet),
 * then the billing life (`trialing` … `closed`); `failed` when provisioning was rolled back (finishing
 * the wizard again retries), `expired` when the wizard was abandoned and everything it held released.
 */
export const TENANT_STATUSES = ['onboarding', 'trialing', 'active', 'past_due', 'suspended', 'closed', 'failed', 'expired'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** Not (or no longer) a working business: never provisioned, rolled back, or abandoned — no line, no billing. */
export const NOT_PROVISIONED_STATUSES = ['onboarding', 'failed', 'expired'] as const satisfies readonly TenantStatus[];
export const isProvisioned = (status: TenantStatus) => !(NOT_PROVISIONED_STATUSES as readonly TenantStatus[]).includes(status);

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
