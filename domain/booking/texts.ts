import { DateTime } from 'luxon';
import { fillPackText, industryPack } from '../industry-packs/index.ts';

// Every text a customer gets about a booking, rendered from the committed row (never from what a
// caller said it would be), in the tenant's time zone and the business's words.

export type BookingTextKind = 'confirmation' | 'deposit' | 'expired' | 'reminder' | 'moved' | 'cancelled' | 'follow_up' | 'manage' | 'confirmed_reply';

export interface BookingTextFacts {
  businessName: string;
  industry: string | null;
  customerName: string;
  serviceName: string;
  start: Date;
  timeZone: string;
  /** The customer's manage link (see, move or cancel). */
  manageLink: string;
  reviewUrl: string | null;
  depositCents?: number;
  checkoutUrl?: string | null;
  holdMinutes?: number;
  /** The late-cancellation message, when the policy gave one. */
  feeNote?: string | null;
}

/** "Tue, Dec 8 at 9:00 AM" on the business's clock. */
export function whenText(start: Date, timeZone: string): string {
  return DateTime.fromJSDate(start, { zone: timeZone }).setLocale('en-US').toFormat("ccc, LLL d 'at' h:mm a");
}

const money = (cents: number) => `$${(cents / 100).toFixed(cents % 100 === 0 ? 0 : 2)}`;
const firstName = (name: string) => (/^\+?[\d\s()-]+$/.test(name) ? '' : (name.trim().split(/\s+/)[0] ?? ''));

/** What a reminder tells the customer they may answer (workflows/conversation.ts reads the same letters). */
export const REPLY_OPTIONS = 'Reply C to confirm, X to cancel, R to reschedule.';

export function bookingText(kind: BookingTextKind, facts: BookingTextFacts): string {
  const pack = industryPack(facts.industry);
  const when = whenText(facts.start, facts.timeZone);
  const values = { business: facts.businessName, customer: firstName(facts.customerName) || 'there', service: facts.serviceName, when, link: facts.manageLink };
  const b = facts.businessName;
  switch (kind) {
    case 'confirmation':
      return `${b}: you're booked for ${facts.serviceName} on ${when}. See, move or cancel it: ${facts.manageLink}`;
    case 'deposit':
      return `${b}: to book ${facts.serviceName} on ${when}, please pay the ${money(facts.depositCents ?? 0)} deposit within ${facts.holdMinutes ?? 30} minutes: ${facts.checkoutUrl}`;
    case 'expired':
      return `${b}: the time we held for ${facts.serviceName} on ${when} was released because the deposit was not paid. You can book again any time.`;
    case 'reminder': {
      // The pack's words, with its own "Reply …" sentence replaced by every option we understand.
      const text = fillPackText(pack.sms.reminder, { ...values, when: `on ${when}` }).replace(/\s*Reply [^.]*\.?\s*$/i, '');
      return `${text} ${REPLY_OPTIONS}`;
    }
    case 'moved':
      return `${b}: your ${facts.serviceName} is moved to ${when}. See, move or cancel it: ${facts.manageLink}`;
    case 'cancelled':
      return `${b}: your ${facts.serviceName} on ${when} is cancelled.${facts.feeNote ? ` ${facts.feeNote}` : ''} Book again any time.`;
    case 'confirmed_reply':
      return `${b}: thanks, you're confirmed for ${facts.serviceName} on ${when}. See you then!`;
    case 'manage':
      return `${b}: to pick another time for ${facts.serviceName} (now ${when}), use this link: ${facts.manageLink}`;
    case 'follow_up': {
      const thanks = fillPackText(pack.sms.followUp, values);
      return facts.reviewUrl ? `${thanks} ${fillPackText(pack.sms.reviewRequest, { ...values, link: facts.reviewUrl })}` : thanks;
    }
  }
}

/** The fee message for cancelling inside the window, or null (outside it, or no fee). */
export function lateCancellationNote(policy: { cancellationWindowHours: number; cancellationFeeCents: number }, start: Date, now: Date): string | null {
  const late = start.getTime() - now.getTime() < policy.cancellationWindowHours * 3_600_000;
  if (!late || policy.cancellationFeeCents <= 0) return null;
  return `Cancelling less than ${policy.cancellationWindowHours} hours before the appointment has a ${money(policy.cancellationFeeCents)} fee.`;
}
