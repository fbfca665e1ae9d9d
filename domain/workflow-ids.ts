// Workflow ids and search attributes are not encrypted by the payload codec: they carry ids
// only — never a phone number, name or email.

export const SEARCH_ATTRIBUTES = {
  TenantId: 'Keyword',
  TenantTier: 'Keyword',
  TenantStatus: 'Keyword',
} as const;

export const workflowIds = {
  billing: (tenantId: string) => `billing:${tenantId}`,
  onboarding: (tenantId: string) => `onboarding:${tenantId}`,
  call: (callSid: string) => `call:${callSid}`,
  booking: (tenantId: string, bookingId: string) => `booking:${tenantId}:${bookingId}`,
  export: (tenantId: string, exportId: string) => `export:${tenantId}:${exportId}`,
  conversation: (tenantId: string, customerId: string) => `conversation:${tenantId}:${customerId}`,
  /** A voicemail or a text the API could not store (Postgres down), kept by Temporal until it can: by Twilio's id. */
  keptVoicemail: (recordingSid: string) => `voicemail:${recordingSid}`,
  keptInboundText: (messageSid: string) => `inbound-sms:${messageSid}`,
  /** One text held by quiet hours, sent when they end (workflows/held-text.ts). */
  heldText: (tenantId: string, messageId: string) => `held-text:${tenantId}:${messageId}`,
  /** Copies one voicemail's recording into our storage and transcribes it (workflows/voicemail-audio.ts). */
  voicemailAudio: (tenantId: string, voicemailId: string) => `voicemail-audio:${tenantId}:${voicemailId}`,
  /** One mailing of an invite (a resend is the next `send`). */
  inviteMail: (tenantId: string, inviteId: string, send: number) => `invite:${tenantId}:${inviteId}:${send}`,
  passwordResetMail: (resetId: string) => `password-reset:${resetId}`,
  /** Tells the owner about one request from the website's booking form (workflows/website-request.ts). */
  websiteRequest: (tenantId: string, requestId: string) => `website-request:${tenantId}:${requestId}`,
};
