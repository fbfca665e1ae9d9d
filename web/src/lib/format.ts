import type { Tenant, TenantStatus, Tier } from '../api/types.ts';

export const TIER_LABELS: Record<Tier, string> = {
  starter: 'Starter',
  pro: 'Pro',
  elite: 'Elite',
};

// Only what exists today (domain/tiers.ts planFeatures); what is coming is said so.
export const TIER_DESCRIPTIONS: Record<Tier, string> = {
  starter: 'Starter — call forwarding, voicemail and a text inbox',
  pro: 'Pro — adds the phone menu and text automations',
  elite: 'Elite — adds the SIP softphone (AI receptionist coming soon)',
};

export const STATUS_LABELS: Record<TenantStatus, string> = {
  onboarding: 'Setting up',
  trialing: 'Free trial',
  active: 'Active',
  past_due: 'Payment due',
  suspended: 'Suspended',
  closed: 'Closed',
  failed: 'Setup failed',
  expired: 'Setup expired',
};


export function tierLabel(tier: string): string {
  return TIER_LABELS[tier as Tier] ?? humanize(tier);
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as TenantStatus] ?? humanize(status);
}

/** "past_due" → "Past due": a value without a label of its own, readable. */
export function humanize(value: string): string {
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : value;
}

/** +19185550123 → +1 (918) 555-0123; other numbers are shown as stored. */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}

/** A safe CSS colour from the tenant's brand colour (hex only), or undefined. */
export function brandColor(tenant: Pick<Tenant, 'primaryColor'>): string | undefined {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(tenant.primaryColor ?? '') ? tenant.primaryColor : undefined;
}

export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase());
  return letters.join('') || '?';
}
