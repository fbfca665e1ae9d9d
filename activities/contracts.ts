import type { InboundSms } from '../domain/inbound-sms.ts';
import type { OutboundMessageStatus } from '../domain/message-statuses.ts';
import type { SmsKind } from '../domain/sms-kinds.ts';
import type { TenantStatus, TenantTier } from '../domain/tenancy.ts';

// What workflows may ask of activities, by name. Workflows import these types only.
// Longer than most files on purpose: types only, one interface per activity group with its inputs
// and results, so a workflow's whole contract with the outside world reads in one place.

export interface SendSmsInput {
  tenantId: string;
  to: string;
  body: string;
  /** Unique per tenant: the outbox row that makes a retried send a no-op (e.g. `call:CA123:info`). */
  idempotencyKey: string;
  /**
   * What the text is (domain/sms-kinds.ts): `reply` and `keyword` answer something a person just did,
   * so quiet hours do not hold them; `auto-reply` and `automation` are SMS automations (a plan
   * feature, stopped while the tenant is suspended; `automation` is also held by quiet hours);
   * `campaign` (marketing blasts) also stops while a payment is past due; `owner-alert` tells the owner.
   */
  kind: SmsKind;
  /** Omitted: looked up by the `to` number; null: not a customer (e.g. the owner). */
  customerId?: string | null;
  /** ISO instant quiet hours are judged at; defaults to the activity's clock (tests pin it). */
  now?: string;
  /** Set only by the held-text workflow when quiet hours end: send the held row (every rule is checked again). */
  release?: boolean;
  /** ISO instant after which the text is pointless (a reminder: the job's start): held past it, it is dropped, not sent late. */
  notAfter?: string;
}

export interface SendSmsResult {
  messageId: string;
  status: OutboundMessageStatus;
  segments: number;
  /** Held by quiet hours: when it goes out (held-text:<tenantId>:<messageId> sends it then). */
  heldUntil?: string;
}

/** The held-text workflow's input: the text as it was first sent, and when its hold ends. */
export interface HeldTextInput {
  text: SendSmsInput;
  messageId: string;
  heldUntil: string;
  /** The instant the hold was decided (the text's pinned `now`, or the activity's clock). */
  heldAt: string;
}

export interface MessagingActivities {
  sendSms(input: SendSmsInput): Promise<SendSmsResult>;
}

/** What the conversation workflow needs to know about the tenant and the customer, read fresh per message. */
export interface SmsContext {
  businessName: string;
  businessNumber: string;
  status: TenantStatus;
  autoReplyText: string | null;
  ownerNotifyPhone: string | null;
  /** "Jane Doe (+19185550142)", or the number alone when the customer has no real name yet. */
  customerLabel: string;
  /** PUBLIC_BASE_URL, for the link in the owner's alert (absent from results recorded before it). */
  appUrl?: string;
}

export interface ConversationActivities {
  /** Stores the inbound row under `in:<MessageSid>`; a repeat is a no-op. */
  recordInboundMessage(input: InboundSms & { tenantId: string; customerId: string | null }): Promise<{ messageId: string }>;
  loadSmsContext(input: { tenantId: string; customerId: string | null; phone: string }): Promise<SmsContext>;
  setOptOut(input: { tenantId: string; phone: string }): Promise<void>;
  clearOptOut(input: { tenantId: string; phone: string }): Promise<void>;
  /** Marks outbound texts to `phone` still waiting to go out as `cancelled`; returns how many. */
  cancelQueuedTexts(input: { tenantId: string; phone: string }): Promise<number>;
  /** The customer's next booking still to come (held or confirmed), which a reply to a reminder is about; null when none. */
  findUpcomingBooking(input: { tenantId: string; customerId: string }): Promise<{ bookingId: string } | null>;
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

/** One voicemail of one tenant: what the voicemail-audio workflow works on. */
export interface VoicemailRef {
  tenantId: string;
  voicemailId: string;
}

/** The business's copy of each recording, and its transcript (workflows/voicemail-audio.ts). */
export interface VoicemailAudioActivities {
  /**
   * Fetches the recording from Twilio into voicemail_audio once (a no-op when it is already kept),
   * and marks the transcript pending when a transcriber is configured; returns that transcriber's label.
   */
  keepVoicemailAudio(voicemail: VoicemailRef): Promise<{ sizeBytes: number; transcriber: string | null }>;
  /** Sends the kept audio to the speech-to-text provider and stores the words (once: a done transcript stays). */
  transcribeVoicemail(voicemail: VoicemailRef): Promise<{ words: number }>;
  /** The transcript will not come (no audio, or the provider kept refusing): the inbox says so (`none` with no transcriber). */
  markTranscriptFailed(voicemail: VoicemailRef): Promise<{ status: 'failed' | 'none' }>;
}

/**
 * What a caller left while the API could not reach Postgres, as Twilio described it. The tenant
 * is the one the API knew from its cache, or else the one that owns the called number (`to`).
 */
export interface LeftVoicemail {
  tenantId: string | null;
  callSid: string;
  recordingSid: string;
  recordingUrl: string;
  from: string;
  to: string;
  durationSec: number;
}

export interface LeftText {
  tenantId: string | null;
  message: InboundSms;
}

/** Stores what the API handed to Temporal because Postgres was down; each safe to repeat. */
export interface KeptMessageActivities {
  /** Upsert by RecordingSid into the voicemail inbox; returns the tenant it belongs to. */
  keepVoicemail(voicemail: LeftVoicemail): Promise<{ tenantId: string; voicemailId: string }>;
  /** Finds or creates the customer and stores the text under `in:<MessageSid>`; returns the tenant. */
  keepInboundText(text: LeftText): Promise<{ tenantId: string; messageId: string }>;
}

export interface SendEmailInput {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  /** Unique per tenant: the outbox row that makes a retried send a no-op. */
  idempotencyKey: string;
  /**
   * What the outbox keeps when the mail really goes out over SMTP, if not `text`: an account link
   * with its token left out. Without SMTP the outbox is the local mailbox, so it keeps `text`.
   */
  storedText?: string;
}

export interface MailActivities {
  sendEmail(input: SendEmailInput): Promise<{ emailId: string; status: 'sent' | 'failed' }>;
}

/**
 * Stripe through activities. Every mutating call takes `idempotencyKey`, which the workflow derives
 * from its id and a step name (domain/billing.ts `stripeIdempotencyKey`), so a retried activity
 * repeats the same request and Stripe never creates or charges twice.
 */
export interface BillingActivities {
  /** The Stripe price id of each tier, found by lookup key and created when missing. */
  ensurePrices(): Promise<Record<TenantTier, string>>;
  /** The tenant's Stripe customer: the one in `tenant_billing`, or created once. */
  ensureCustomer(input: { tenantId: string; idempotencyKey: string }): Promise<{ customerId: string }>;
  /** The tenant's subscription (with a trial of `trialDays`, 0 = none): the stored one, or created once. */
  ensureSubscription(input: { tenantId: string; tier: TenantTier; trialDays: number; idempotencyKey: string }): Promise<BillingSubscription>;
  /** Moves the subscription to `to`'s price: an upgrade now with proration, a downgrade from the next period. */
  changePlan(input: { tenantId: string; from: TenantTier; to: TenantTier; idempotencyKey: string; /** false: no proration invoice (e.g. a cancelled downgrade restores the price already paid). */ prorate?: boolean }): Promise<{ timing: 'now' | 'period_end' | 'none'; currentPeriodEnd: string | null }>;
  /** Writes `tenant_config.tier` (and the audit log) when a plan change takes effect. */
  setTenantTier(input: { tenantId: string; tier: TenantTier }): Promise<{ changed: boolean }>;
  /** The card a Checkout (setup mode) session saved becomes the default; a paused subscription resumes. */
  attachPaymentMethod(input: { tenantId: string; checkoutSessionId: string; idempotencyKey: string }): Promise<{ paymentMethodId: string; resumed: boolean }>;
  /** Stops billing a closed or purged tenant (no-op when there is no live subscription). */
  cancelSubscription(input: { tenantId: string; idempotencyKey: string }): Promise<{ canceled: boolean }>;
  /** A Stripe Checkout (setup mode) link for the owner to add a card. */
  createCheckoutLink(input: { tenantId: string; idempotencyKey: string; returnPath?: string }): Promise<{ url: string }>;
  /** A Stripe Customer Portal link (invoices, cards, cancel). */
  createPortalLink(input: { tenantId: string; idempotencyKey: string; returnPath?: string }): Promise<{ url: string }>;
  /** Writes `tenant_config.status` (root is never suspended; a closed tenant stays closed). */
  setTenantStatus(input: { tenantId: string; status: TenantStatus }): Promise<{ changed: boolean }>;
  /** Where the owner is told about billing (from Phone settings). */
  /** Where to reach the owner, and PUBLIC_BASE_URL for the link to the billing page (absent from results recorded before it). */
  loadBillingOwner(input: { tenantId: string }): Promise<{ phone: string | null; email: string | null; appUrl?: string }>;
}

export interface BillingSubscription {
  customerId: string;
  subscriptionId: string;
  /** Stripe's status: trialing, active, past_due, canceled, paused, … */
  status: string;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
}

export interface RetentionActivities {
  /**
   * Deletes the tenant's business rows once `finalExportId` is ready (suspended or closed tenants
   * only, never root); idempotent — a purged tenant answers with its first purge time.
   */
  purgeTenantData(input: { tenantId: string; finalExportId: string }): Promise<{ purgedAt: string; deleted: Record<string, number> }>;
}

export interface ReportTenantUsageResult {
  smsSegments: number;
  /** Call seconds rounded up to whole minutes. */
  callMinutes: number;
  /** Meter events Stripe took as new (a total it already holds is not sent again). */
  sent: number;
  skipped?: 'no_stripe_customer';
}

/** Usage metering: each month's running totals per tenant, reported to Stripe Billing Meters. */
export interface UsageActivities {
  /** Tenants with a Stripe customer (ids only). */
  listBillableTenants(): Promise<string[]>;
  /** Sends the month's cumulative SMS segments and call minutes; idempotent (one meter event per total). */
  reportTenantUsage(input: { tenantId: string; period: string }): Promise<ReportTenantUsageResult>;
}

export type ExportReason = 'owner' | 'final';

/** A tenant's data export (workflows/export.ts): the record, the zip, and telling the owner. */
export interface ExportActivities {
  /** The `data_exports` row, status running; with `exportId` (e.g. a workflow's uuid4) a retry finds the same row. */
  createExportRecord(input: { tenantId: string; reason: ExportReason; requestedBy?: string | null; exportId?: string }): Promise<{ exportId: string }>;
  /** Rows the export will hold, per entity and in all (the progress bar's 100 %). */
  countExportRows(input: { tenantId: string }): Promise<{ total: number; perEntity: Record<string, number> }>;
  /** Streams every entity as CSV and JSON into `<EXPORT_STORAGE_DIR>/<tenantId>/<exportId>.zip`; `fileName` is relative to that directory. */
  writeExportArchive(input: { tenantId: string; exportId: string; workflowId?: string }): Promise<{ fileName: string; sizeBytes: number; rowCounts: Record<string, number> }>;
  completeExport(input: { tenantId: string; exportId: string; fileName: string; sizeBytes: number; rowCounts: Record<string, number> }): Promise<void>;
  failExport(input: { exportId: string; error: string }): Promise<void>;
  /** Emails the owners the signed download link and texts the owner's phone (each once per export and address). */
  announceExport(input: { tenantId: string; exportId: string; reason: ExportReason }): Promise<{ emailed: string[]; texted: boolean }>;
}

/** A booking as the booking workflow needs to know it, read from the committed row. */
export interface BookingFacts {
  status: 'held' | 'confirmed' | 'completed' | 'cancelled' | 'expired' | 'no_show';
  start: string;
  end: string;
  holdExpiresAt: string | null;
  depositCents: number;
  depositPaid: boolean;
  checkoutSessionId: string | null;
  /** The reminders still due for this start, earliest first (domain/booking/reminders.ts: local wall-clock days). */
  reminders: { lead: number; at: string }[];
  /** Cancelling (or a customer moving it) later than this many hours before the start is late. */
  cancellationWindowHours: number;
  /** The tenant's review link at the time of reading (the follow-up asks for a review only with one). */
  hasReviewUrl: boolean;
}

export type BookingWrite = { ok: true; facts: BookingFacts } | { ok: false; reason: 'slot_taken' | 'not_offered' | 'service_not_found' | 'no_resource' | 'booking_not_found' | 'not_changeable' };

export type BookingTextName = 'confirmation' | 'deposit' | 'expired' | 'reminder' | 'moved' | 'cancelled' | 'follow_up' | 'manage' | 'confirmed_reply';

export interface BookingRef {
  tenantId: string;
  bookingId: string;
}

/** The booking workflow's writes (through prisma/bookings.ts, the engine) and texts (through sendSms). */
export interface BookingActivities {
  /** null: the row is gone (withdrawn because the workflow could not start in time). `leads`: reminder minutes. */
  loadBookingFacts(input: BookingRef & { leads: number[] }): Promise<BookingFacts | null>;
  confirmHeldBooking(input: BookingRef & { leads: number[]; depositPaid?: boolean }): Promise<BookingWrite>;
  /** The hold's time is up: the row becomes expired (a hold confirmed meanwhile is untouched). */
  lapseBookingHold(input: BookingRef): Promise<{ lapsed: boolean }>;
  /** Moves it; `askOffered`: the customer's own channel, so the business must offer that start. */
  moveBookingTo(input: BookingRef & { leads: number[]; start: string; resourceId: string | null; askOffered: boolean }): Promise<BookingWrite>;
  cancelBookingFor(input: BookingRef & { leads: number[]; note: string | null }): Promise<BookingWrite>;
  finishBookingAs(input: BookingRef & { leads: number[]; outcome: 'completed' | 'no_show' }): Promise<BookingWrite>;
  /**
   * Renders a text from the committed row and sends it through sendSms under `idempotencyKey`.
   * null: nobody to text (no phone). A reminder passes `notAfter` (the start) so quiet hours never deliver it late.
   */
  sendBookingText(input: BookingRef & { text: BookingTextName; idempotencyKey: string; notAfter?: string; feeNote?: string | null; checkoutUrl?: string | null }): Promise<SendSmsResult | null>;
  /** Reminders of this booking still held by quiet hours (or queued) are cancelled: it moved or was cancelled. */
  dropBookingReminders(input: BookingRef & { keepStart?: string }): Promise<{ dropped: number }>;
  /** The fee message when cancelling now is late under the tenant's policy, else null. */
  lateCancellationNote(input: BookingRef): Promise<string | null>;
  /** A Stripe Checkout link for the hold's deposit (recorded on the row). */
  createDepositCheckout(input: BookingRef): Promise<{ url: string; sessionId: string }>;
  /** A customer's next upcoming booking (held or confirmed), for their reply to a reminder. */
  findNextBooking(input: { tenantId: string; customerId: string }): Promise<{ bookingId: string } | null>;
}

/**
 * A booking's deposit through Stripe Checkout (activities/deposits.ts). The booking workflow asks
 * for the link, texts it, and waits for `depositPaidSignal` (the webhook, on
 * checkout.session.completed). Safe to repeat: one Checkout session per booking.
 */
export interface DepositActivities {
  /** A Checkout session (mode payment) for the booking's `depositCents`; its id is kept on the booking. */
  createDepositCheckout(input: { tenantId: string; bookingId: string }): Promise<{ url: string; sessionId: string }>;
}
