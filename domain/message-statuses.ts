/** A text's life, as `messages.status` stores it (prisma/enums.test.ts keeps the two lists equal). */
export const MESSAGE_STATUSES = ['received', 'queued', 'sent', 'blocked_opt_out', 'blocked_quiet_hours', 'blocked_destination', 'cancelled', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Where an outbound text can be after sendSms: every status but an inbound one's. */
export type OutboundMessageStatus = Exclude<MessageStatus, 'received'>;
