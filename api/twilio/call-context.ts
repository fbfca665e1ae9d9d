import type { BusinessHours } from '../../domain/business-hours.ts';
import type { CallContext } from '../../domain/ivr.ts';
import { toE164 } from '../../domain/phone.ts';
import type { PrismaClient } from '../../prisma/client.ts';

/** The tenant a number belongs to, with what a call needs to know; null for a number no tenant has. */
export async function loadCallContext(db: PrismaClient, calledNumber: string, appUrl: string): Promise<CallContext | null> {
  const number = toE164(calledNumber) ?? calledNumber;
  const phone = await db.tenantPhoneConfig.findUnique({ where: { phoneNumber: number }, include: { tenant: { include: { config: true } } } });
  const config = phone?.tenant.config;
  if (!phone || !config) return null;
  return {
    tenantId: phone.tenantId,
    businessName: config.businessName,
    tier: config.tier,
    status: config.status,
    ivrMode: phone.ivrMode === 'ai_voice' ? 'ai-voice' : phone.ivrMode,
    tenantNumber: phone.phoneNumber,
    forwardingNumber: phone.forwardingNumber,
    sipUri: phone.sipDomain && phone.sipUsername ? `sip:${phone.sipUsername}@${phone.sipDomain}` : null,
    timeZone: phone.timeZone,
    businessHours: (phone.businessHours as BusinessHours | null) ?? null,
    jokesEnabled: phone.jokesEnabled,
    missedCallTextBack: phone.missedCallTextBack,
    ownerNotifyPhone: phone.ownerNotifyPhone,
    ownerNotifyEmail: phone.ownerNotifyEmail,
    texts: {
      greeting: phone.greetingText,
      info: phone.infoText,
      infoSms: phone.infoSmsText,
      afterHours: phone.afterHoursText,
      missedCall: phone.missedCallText,
    },
    appUrl,
  };
}
