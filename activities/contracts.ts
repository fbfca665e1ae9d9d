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
  customerId?: string | null;
}

export interface SendSmsResult {
  messageId: string;
  status: 'sent' | 'queued' | 'blocked_opt_out' | 'blocked_quiet_hours' | 'cancelled' | 'failed';
  segments: number;
}

export interface MessagingActivities {
  sendSms(input: SendSmsInput): Promise<SendSmsResult>;
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
