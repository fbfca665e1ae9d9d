/**
 * The sections of a business's area, in the order of its navigation; `title` is the page's title.
 * `home` is the dashboard at /t/:tenantId itself; every other section is /t/:tenantId/<id>.
 */
export const TENANT_SECTIONS = [
  { id: 'home', label: 'Home', title: 'Home' },
  { id: 'calendar', label: 'Calendar', title: 'Calendar' },
  { id: 'bookings', label: 'Bookings', title: 'Bookings' },
  { id: 'customers', label: 'Customers', title: 'Customers' },
  { id: 'calls', label: 'Calls', title: 'Calls' },
  { id: 'voicemails', label: 'Voicemail', title: 'Voicemail' },
  { id: 'texts', label: 'Texts', title: 'Texts' },
  { id: 'services', label: 'Services & hours', title: 'Services & hours' },
  { id: 'phone', label: 'Phone settings', title: 'Phone settings' },
  { id: 'sip', label: 'SIP app', title: 'Connect your SIP app' },
  { id: 'website', label: 'Website', title: 'Your website' },
  // A closed business takes no test calls (the API refuses them too).
  { id: 'simulator', label: 'Try a call', title: 'Try a call', ownersOnly: true, openBusinessOnly: true },
  { id: 'billing', label: 'Billing', title: 'Billing' },
  { id: 'exports', label: 'Export data', title: 'Export your data' },
  { id: 'team', label: 'Team', title: 'Team' },
] as const;

export type TenantSection = (typeof TENANT_SECTIONS)[number]['id'];
/** The sections with a path of their own (all but the dashboard). */
export type TenantPathSection = Exclude<TenantSection, 'home'>;

export const sectionTitle = (id: TenantSection) => TENANT_SECTIONS.find((s) => s.id === id)!.title;

/** The sections this person sees in this business: owners' tools for those who manage it, test calls only while it is open. */
export function visibleSections(tenant: { canManage: boolean; status: string } | null) {
  return TENANT_SECTIONS.filter((s) => (!('ownersOnly' in s) || tenant?.canManage) && (!('openBusinessOnly' in s) || tenant?.status !== 'closed'));
}
