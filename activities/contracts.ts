// What workflows may ask of activities, by name. Workflows import these types only.

export interface SendSmsInput {
  tenantId: string;
  to: string;
  body: string;
  /** Unique per tenant: the outbox row that makes a retried send a no-op (e.g. `call:CA123:info`). */
  idempotencyKey: string;
  /**
   * `reply` and `owner-alert` answer something a person just did or must know now, so quiet hours do
   * not hold them; `automation` (missed-call text-back, reminders) respects quiet hours.
   */
  kind: 'reply' | 'owner-alert' | 'automation';
  /** Omitted: looked up by the `to` number; null: not a customer (e.g. the owner). */
  customerId?: string | null;
  /** ISO instant quiet hours are judged at; defaults to the activity's clock (tests pin it). */
  now?: string;
}

export interface SendSmsResult {
  messageId: string;
  status: 'sent' | 'queued' | 'blocked_opt_out' | 'blocked_quiet_hours' | 'cancelled' | 'failed';
  segments: number;
}

export interface MessagingActivities {
  sendSms(input: SendSmsInput): Promise<SendSmsResult>;
}

/** One text a customer sent to a tenant's number, as the SMS webhook hands it to the conversation. */
export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  receivedAt: string;
}

/** What the conversation workflow needs to know about the tenant and the customer, read fresh per message. */
export interface SmsContext {
  businessName: string;
  businessNumber: string;
  status: 'trialing' | 'active' | 'past_due' | 'suspended' | 'closed';
  autoReplyText: string | null;
  ownerNotifyPhone: string | null;
  /** "Jane Doe (+19185550142)", or the number alone when the customer has no real name yet. */
  customerLabel: string;
}

export interface ConversationActivities {
  /** Stores the inbound row under `in:<MessageSid>`; a repeat is a no-op. */
  recordInboundMessage(input: InboundSms & { tenantId: string; customerId: string | null }): Promise<{ messageId: string }>;
  loadSmsContext(input: { tenantId: string; customerId: string | null; phone: string }): Promise<SmsContext>;
  setOptOut(input: { tenantId: string; phone: string }): Promise<void>;
  clearOptOut(input: { tenantId: string; phone: string }): Promise<void>;
  /** Marks outbound texts to `phone` still waiting to go out as `cancelled`; returns how many. */
  cancelQueuedTexts(input: { tenantId: string; phone: string }): Promise<number>;
}

export interface CallRecord {
  tenantId: string;
  callSid: string;
  from: string;
  to: string;
  startedAt: string;
  endedAt: string;
  durationSec: number;
  digits: string;
  outcome: 'answered' | 'voicemail' | 'missed' | 'abandoned';
}

export interface VoicemailRecord {
  tenantId: string;
  callSid: string;
  recordingSid: string;
  recordingUrl: string;
  from: string;
  durationSec: number;
}

export interface CallActivities {
  /** Upsert by CallSid: the call log is written once however often this runs. */
  recordCall(call: CallRecord): Promise<void>;
  /** Upsert by RecordingSid; returns the voicemail's id and the caller's name when known. */
  storeVoicemail(voicemail: VoicemailRecord): Promise<{ voicemailId: string; callerName: string | null }>;
}

export interface SendEmailInput {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  /** Unique per tenant: the outbox row that makes a retried send a no-op. */
  idempotencyKey: string;
}

export interface MailActivities {
  sendEmail(input: SendEmailInput): Promise<{ emailId: string; status: 'sent' | 'failed' }>;
}

export type BillingTier = 'starter' | 'pro' | 'elite';
export type BillingStatus = 'trialing' | 'active' | 'past_due' | 'suspended' | 'closed';

/**
 * Stripe through activities. Every mutating call takes `idempotencyKey`, which the workflow derives
 * from its id and a step name (domain/billing.ts `stripeIdempotencyKey`), so a retried activity
 * repeats the same request and Stripe never creates or charges twice.
 */
export interface BillingActivities {
  /** The Stripe price id of each tier, found by lookup key and created when missing. */
  ensurePrices(): Promise<Record<BillingTier, string>>;
  /** The tenant's Stripe customer: the one in `tenant_billing`, or created once. */
  ensureCustomer(input: { tenantId: string; idempotencyKey: string }): Promise<{ customerId: string }>;
  /** The tenant's subscription (with a trial of `trialDays`, 0 = none): the stored one, or created once. */
  ensureSubscription(input: { tenantId: string; tier: BillingTier; trialDays: number; idempotencyKey: string }): Promise<BillingSubscription>;
  /** Moves the subscription to `to`'s price: an upgrade now with proration, a downgrade from the next period. */
  changePlan(input: { tenantId: string; from: BillingTier; to: BillingTier; idempotencyKey: string }): Promise<{ timing: 'now' | 'period_end' | 'none' }>;
  /** A Stripe Checkout (setup mode) link for the owner to add a card. */
  createCheckoutLink(input: { tenantId: string; idempotencyKey: string; returnPath?: string }): Promise<{ url: string }>;
  /** A Stripe Customer Portal link (invoices, cards, cancel). */
  createPortalLink(input: { tenantId: string; idempotencyKey: string; returnPath?: string }): Promise<{ url: string }>;
  /** Writes `tenant_config.status` (root is never suspended; a closed tenant stays closed). */
  setTenantStatus(input: { tenantId: string; status: BillingStatus }): Promise<{ changed: boolean }>;
  /** Where the owner is told about billing (from Phone settings). */
  loadBillingOwner(input: { tenantId: string }): Promise<{ phone: string | null; email: string | null }>;
}

export interface BillingSubscription {
  customerId: string;
  subscriptionId: string;
  /** Stripe's status: trialing, active, past_due, canceled, paused, … */
  status: string;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
}
