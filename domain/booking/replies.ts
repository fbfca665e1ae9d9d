// A customer's one-word answer to a booking reminder (domain/booking/texts.ts REPLY_OPTIONS).
// CANCEL alone is a carrier opt-out keyword and never reaches here (sms-keywords.ts answers it first).

export type BookingReply = 'confirm' | 'cancel' | 'reschedule';

const REPLIES: Record<string, BookingReply> = { C: 'confirm', YES: 'confirm', Y: 'confirm', CONFIRM: 'confirm', X: 'cancel', R: 'reschedule', RESCHEDULE: 'reschedule' };

export function bookingReplyOf(body: string): BookingReply | null {
  const word = body.trim().replace(/^[\s"'.!?]+|[\s"'.!?]+$/g, '').toUpperCase();
  return REPLIES[word] ?? null;
}
