import { TIER_NAMES } from './tiers.ts';
import type { TenantStatus, TenantTier } from './tenancy.ts';

// An audit entry as a person reads it: what happened in words, and each changed field as
// "label: before → after". The entries store whole before/after snapshots (JSON); this turns them
// into the few lines that changed. Actions added later read well without an entry here.

const ACTIONS: Record<string, string> = {
  'tenant.created': 'Created the business',
  'tenant.updated': 'Changed the business',
  'tenant.closed': 'Closed the business',
  'tenant.reopened': 'Reopened the business',
  'tenant.purged': 'Deleted the business data at the end of its retention window (a final export was kept)',
  'tenant.viewed_as_owner': 'Started viewing the business as its owner (read only)',
  'tenant.view_as_ended': 'Stopped viewing the business as its owner',
  'phone_settings.updated': 'Changed the phone settings',
  'site.updated': 'Changed the website',
  'plan.changed': 'Changed the plan',
  'service.created': 'Added a service',
  'service.updated': 'Changed a service',
  'service.deleted': 'Deleted a service',
  'resource.created': 'Added a team member or van',
  'resource.updated': 'Changed a team member or van',
  'time_off.added': 'Added time off',
  'time_off.removed': 'Removed time off',
  'booking_settings.updated': 'Changed the booking rules',
};

const LABELS: Record<string, string> = {
  businessName: 'Business name',
  tier: 'Plan',
  status: 'Status',
  phoneNumber: 'Business number',
  ivrMode: 'Call answering',
  primaryColor: 'Colour',
  logoUrl: 'Logo',
  closedAt: 'Closed at',
  purgedAt: 'Data deleted at',
  expiresAt: 'Ends at',
};

/** Parts of a snapshot that are not settings: links, ids, copies of Stripe's view. */
const NOT_SETTINGS = new Set(['id', 'slug', 'isRoot', 'createdAt', 'updatedAt', 'temporalUiUrl', 'temporalLinks', 'billing', 'sessionId']);

const STATUS_NAMES: Record<TenantStatus, string> = { onboarding: 'Onboarding', failed: 'Setup failed', expired: 'Setup expired', trialing: 'Trialing', active: 'Active', past_due: 'Past due', suspended: 'Suspended', closed: 'Closed' };

/** The actions this file names, for the audit page's filter (others are still listed and shown). */
export const NAMED_ACTIONS = Object.entries(ACTIONS).map(([action, label]) => ({ action, label }));

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** "member.invited" → "Member invited" for an action this file does not name. */
export function describeAction(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "ownerNotifyPhone" → "Owner notify phone". */
const labelOf = (field: string) => LABELS[field] ?? (field.charAt(0).toUpperCase() + field.slice(1).replace(/([A-Z])/g, ' $1').toLowerCase());

function show(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'tier' && typeof value === 'string' && value in TIER_NAMES) return TIER_NAMES[value as TenantTier];
  if (field === 'status' && typeof value === 'string' && value in STATUS_NAMES) return STATUS_NAMES[value as TenantStatus];
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') : null;
  // A small object, such as rows deleted per table: "customers: 3, calls: 12".
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${key}: ${typeof inner === 'object' ? JSON.stringify(inner) : String(inner)}`)
    .join(', ');
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The fields that differ between two snapshots (a new thing: every field it has; a removed one: every field it had). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => !NOT_SETTINGS.has(field));
  return fields
    .map((field) => ({ field, label: labelOf(field), before: show(field, from[field]), after: show(field, to[field]) }))
    .filter((change) => change.before !== change.after);
}
