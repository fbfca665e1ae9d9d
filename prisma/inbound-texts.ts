import type { InboundSms } from '../domain/inbound-sms.ts';
import { phoneLabel } from '../domain/phone.ts';
import { characterCount, firstCharacters, SMS_MAX_CHARACTERS, smsSegments } from '../domain/sms-segments.ts';
import { Prisma, type PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

// Database steps of texting shared by the SMS webhook (which must work even when Temporal does
// not) and the messaging activities — here, where both may import them. All tenant-scoped, all
// safe to repeat.

/** The inbound message's outbox-style key: Twilio's MessageSid, so a retried webhook stores one row. */
export const inboundKey = (messageSid: string) => `in:${messageSid}`;

/**
 * The tenant's customer with this number, created (named by the number) when the number texts
 * for the first time. Two webhooks racing to create the same customer both get the one row.
 */
export async function findOrCreateCustomerByPhone(db: PrismaClient, tenantId: string, phone: string): Promise<{ id: string; name: string }> {
  const tenantDb = forTenant(db, tenantId);
  const existing = await tenantDb.customer.findFirst({ where: { phone }, select: { id: true, name: true } });
  if (existing) return existing;
  try {
    // A customer first known by their number is called by it, as people write it.
    return await tenantDb.customer.create({ data: { phone, name: phoneLabel(phone) }, select: { id: true, name: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return tenantDb.customer.findFirstOrThrow({ where: { phone }, select: { id: true, name: true } });
    }
    throw error;
  }
}

const count = (n: number) => n.toLocaleString('en-US');
const cutNote = (length: number) => `Cut to its first ${count(SMS_MAX_CHARACTERS)} characters (it had ${count(length)}): Twilio never delivers longer texts.`;

/** Stores an inbound text once, however often Twilio or the workflow delivers it. */
export async function recordInboundMessage(db: PrismaClient, tenantId: string, message: InboundSms, customerId: string | null): Promise<{ messageId: string }> {
  const tenantDb = forTenant(db, tenantId);
  const idempotencyKey = inboundKey(message.messageSid);
  // The webhook already cut it; a signal from before that cap (or any other caller) is cut here.
  const { text: body, cut } = firstCharacters(message.body, SMS_MAX_CHARACTERS);
  const originalLength = message.originalLength ?? (cut ? characterCount(message.body) : null);
  await tenantDb.message.createMany({
    data: [{
      direction: 'inbound',
      idempotencyKey,
      fromNumber: message.from,
      toNumber: message.to,
      customerId,
      body,
      status: 'received',
      providerSid: message.messageSid,
      segments: smsSegments(body),
      // Inbound rows have no error; the column says what the inbox must know about this one.
      error: originalLength ? cutNote(originalLength) : null,
      createdAt: new Date(message.receivedAt),
    }],
    skipDuplicates: true,
  });
  const row = await tenantDb.message.findFirstOrThrow({ where: { idempotencyKey }, select: { id: true } });
  return { messageId: row.id };
}
