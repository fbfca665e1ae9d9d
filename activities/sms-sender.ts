import { platformSmsNumber, smsSenderFor } from '../domain/carrier-registration/states.ts';
import type { Config } from '../domain/config.ts';
import type { PrismaClient } from '../prisma/client.ts';

// Which number a business's text goes out from. US carriers block texts from numbers not
// registered for business texting (A2P 10DLC): while a business's registration is under way, its
// texts go from the platform's registered number instead, so none is blocked or dropped. Approved,
// it texts through its own Messaging Service; one that never asked texts as it always did.

export interface SmsSender {
  /** What Twilio is given: a From number, or the Messaging Service that picks it. */
  via: { from: string } | { messagingServiceSid: string };
  /** The number the customer sees, for the outbox row. */
  number: string;
  platform: boolean;
}

export async function smsSender(db: PrismaClient, config: Pick<Config, 'PLATFORM_SMS_NUMBER' | 'ROOT_PHONE_NUMBER'>, tenantId: string, phone: { phoneNumber: string; messagingServiceSid: string | null }): Promise<SmsSender> {
  const registration = await db.carrierRegistration.findUnique({ where: { tenantId }, select: { state: true } });
  if (smsSenderFor(registration?.state) === 'platform') {
    const number = platformSmsNumber(config);
    return { via: { from: number }, number, platform: true };
  }
  return { via: phone.messagingServiceSid ? { messagingServiceSid: phone.messagingServiceSid } : { from: phone.phoneNumber }, number: phone.phoneNumber, platform: false };
}
