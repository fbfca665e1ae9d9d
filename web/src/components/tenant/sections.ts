/** The sections of a business's area, in the order of its navigation; `title` is the page's title. */
export const TENANT_SECTIONS = [
  { id: 'calls', label: 'Calls', title: 'Calls' },
  { id: 'voicemails', label: 'Voicemail', title: 'Voicemail' },
  { id: 'texts', label: 'Texts', title: 'Texts' },
  { id: 'phone', label: 'Phone settings', title: 'Phone settings' },
  { id: 'sip', label: 'SIP app', title: 'Connect your SIP app' },
  { id: 'simulator', label: 'Try a call', title: 'Try a call', ownersOnly: true },
  { id: 'billing', label: 'Billing', title: 'Billing' },
  { id: 'exports', label: 'Export data', title: 'Export your data' },
  { id: 'team', label: 'Team', title: 'Team' },
] as const;

export type TenantSection = (typeof TENANT_SECTIONS)[number]['id'];

export const sectionTitle = (id: TenantSection) => TENANT_SECTIONS.find((s) => s.id === id)!.title;
