// Shared by the SMS webhook, the conversation workflow's `inboundSms` signal, its activities and
// the message store (prisma/inbound-texts.ts), so it lives where all of them may import it.

/** One text a customer sent to a tenant's number, as the SMS webhook hands it to the conversation. */
export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  receivedAt: string;
  /** Set when the webhook cut a longer body to its first 1,600 characters: how many it had. */
  originalLength?: number;
}
