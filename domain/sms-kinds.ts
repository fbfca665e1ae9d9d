import type { Feature } from './tiers.ts';

// What an outbound text is decides which rules hold it back. One table, read by sendSms (the one
// path out), the billing pause and the workflows that choose a kind.

export const SMS_KINDS = ['reply', 'keyword', 'auto-reply', 'automation', 'campaign', 'owner-alert', 'booking', 'reminder'] as const;

/**
 * * `reply` — answers something a person just did (the info text after pressing 1 on the menu).
 * * `keyword` — the carrier-required answer to STOP, START or HELP: always sent to a valid number.
 * * `auto-reply` — the tenant's automatic answer to a text (an SMS automation, but the person just
 *   wrote, so quiet hours do not hold it).
 * * `automation` — texts nobody just asked for (missed-call text-back, reminders).
 * * `campaign` — marketing blasts.
 * * `owner-alert` — tells the owner (voicemail, new text, billing); never limited.
 * * `booking` — a booking's own news to its customer (booked, deposit link, moved, cancelled, the
 *   answer to their C/X/R): transactional, so every plan sends it, and it follows something someone
 *   just did, so quiet hours do not hold it. Not counted as automatic: the public booking route's
 *   rate limit guards it, and a customer who books, moves and cancels must hear each.
 * * `reminder` — a booking's reminder: transactional (every plan, also while the account is
 *   paused — the business still owes the job), but nobody just asked for it, so quiet hours hold it
 *   (and a reminder whose hold would end after the job began is dropped: SendSmsInput.notAfter).
 */
export type SmsKind = (typeof SMS_KINDS)[number];

/**
 * Outbound kinds that answer a customer's text as a person would: the dashboard's "texts waiting
 * for an answer" ends at one of these. (Outbox rows from before kinds were recorded count too.)
 */
export const ANSWER_KINDS: readonly SmsKind[] = ['reply'];

/** Held during quiet hours (and sent when they end): only texts nobody just asked for. */
export const heldByQuietHours = (kind: SmsKind) => kind === 'automation' || kind === 'campaign' || kind === 'reminder';

/** The plan feature a kind needs (domain/tiers.ts); null = every plan. */
export function featureForSmsKind(kind: SmsKind): Feature | null {
  if (kind === 'campaign') return 'campaigns';
  if (kind === 'automation' || kind === 'auto-reply') return 'smsAutomations';
  return null;
}

/**
 * Automatic texts a stranger can trigger by calling or texting (SMS pumping): limited per number
 * and tenant (SMS_AUTO_TEXTS_PER_NUMBER_HOUR / _DAY), counted from the outbox rows.
 */
export const isAutomaticText = (kind: SmsKind) => kind === 'reply' || kind === 'auto-reply' || kind === 'automation';

/** Kinds that stop with the tenant's automations while the account is paused. */
export const isAutomation = (kind: SmsKind) => kind === 'automation' || kind === 'auto-reply';
