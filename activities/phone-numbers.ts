import { ApplicationFailure } from '@temporalio/common';
import type twilio from 'twilio';
import type { OnboardingValues } from '../domain/inputs/onboarding.ts';
import { phoneLabel } from '../domain/phone.ts';
import { isPermanentRejection } from '../domain/provider-errors.ts';
import type { OnboardingActivities } from './onboarding-contract.ts';
import type { ActivityDeps } from './deps.ts';
import { createTwilioClient } from './twilio-client.ts';

// The business number: bought in Twilio for the onboarding saga, pointed at our canonical webhooks,
// released by its compensation. Twilio takes no idempotency key for buying a number, so the intent is
// written first (phone_number_orders) and a retry looks the number up in the account before it buys.

/** Twilio's "this phone number is not available" (bought by someone else meanwhile). */
const NOT_AVAILABLE = 21422;

const twilioFailure = (error: unknown) => error as { status?: number; code?: number; message?: string };

export function createPhoneNumberActivities(deps: ActivityDeps, options: { twilio?: twilio.Twilio } = {}): Pick<OnboardingActivities, 'buyNumber' | 'releaseNumber' | 'findAvailableNumbers'> {
  const { db, config } = deps;
  const client = options.twilio ?? createTwilioClient(config, deps.masterKey);
  const base = config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  const webhooks = { voiceUrl: `${base}/twilio/voice/incoming`, voiceMethod: 'POST', statusCallback: `${base}/twilio/voice/status`, statusCallbackMethod: 'POST', smsUrl: `${base}/twilio/sms/incoming`, smsMethod: 'POST' };

  /**
   * The number, if our account holds it for this tenant (a purchase whose answer was lost still shows
   * here). Bought for another business it is not this one's: never adopted, never released from here.
   */
  const findInAccount = async (phoneNumber: string, tenantId: string) => (await client.incomingPhoneNumbers.list({ phoneNumber, limit: 5 })).find((n) => n.friendlyName === tenantId) ?? null;

  /** Another business holds the number, or is buying it right now. */
  const heldByAnother = async (phoneNumber: string, tenantId: string) =>
    Boolean(
      (await db.tenantPhoneConfig.findFirst({ where: { phoneNumber, NOT: { tenantId } }, select: { tenantId: true } })) ??
        (await db.phoneNumberOrder.findFirst({ where: { phoneNumber, status: { not: 'released' }, NOT: { tenantId } }, select: { tenantId: true } })),
    );

  async function findAvailableNumbers({ areaCode }: { areaCode: string }) {
    const found = await client.availablePhoneNumbers('US').local.list({ areaCode: Number(areaCode), voiceEnabled: true, smsEnabled: true, limit: 20 });
    // A number the registry gave another business (outside Twilio) is not on offer.
    const offered = found.map((n) => n.phoneNumber);
    const [configs, orders] = await Promise.all([
      db.tenantPhoneConfig.findMany({ where: { phoneNumber: { in: offered } }, select: { phoneNumber: true } }),
      db.phoneNumberOrder.findMany({ where: { phoneNumber: { in: offered }, status: { not: 'released' } }, select: { phoneNumber: true } }),
    ]);
    const assigned = new Set([...configs, ...orders].map((row) => row.phoneNumber));
    const numbers = found.filter((n) => !assigned.has(n.phoneNumber)).slice(0, 10);
    return numbers.map((n) => ({ phoneNumber: n.phoneNumber, friendlyName: phoneLabel(n.phoneNumber), locality: n.locality ?? null, region: n.region ?? null }));
  }

  /** The number to order: the owner's pick, or (keeping their own) a local one in their area code. */
  async function chooseNumber(phone: OnboardingValues['phone']): Promise<string> {
    if (phone.phoneNumber) return phone.phoneNumber;
    const areaCode = phone.forwardExisting!.slice(2, 5);
    const [first] = await findAvailableNumbers({ areaCode });
    if (!first) throw ApplicationFailure.create({ type: 'NumberUnavailable', nonRetryable: true, message: `No local number is free in area code ${areaCode} right now. Go back to the phone step and pick a new number instead, then finish again.` });
    return first.phoneNumber;
  }

  const unavailable = (phoneNumber: string) =>
    ApplicationFailure.create({ type: 'NumberUnavailable', nonRetryable: true, message: `The number ${phoneLabel(phoneNumber)} was taken by someone else meanwhile. Go back to the phone step, pick another, and finish again.` });

  /** Buys it with our webhooks; refused as taken → NumberUnavailable (the owner picks another). */
  async function purchase(tenantId: string, phoneNumber: string) {
    try {
      return await client.incomingPhoneNumbers.create({ phoneNumber, friendlyName: tenantId, ...webhooks });
    } catch (error) {
      const failure = twilioFailure(error);
      if (failure.code === NOT_AVAILABLE) {
        await db.phoneNumberOrder.update({ where: { tenantId }, data: { status: 'released', releasedAt: new Date() } });
        throw unavailable(phoneNumber);
      }
      if (isPermanentRejection(failure.status)) throw ApplicationFailure.create({ type: 'TwilioRejected', nonRetryable: true, message: failure.message ?? 'Twilio refused to sell the number', details: [{ status: failure.status, code: failure.code }] });
      throw error;
    }
  }

  /** The tenant's phone settings for the new line, from the wizard's answers. */
  async function writePhoneConfig(tenantId: string, phoneNumber: string, values: OnboardingValues) {
    const owner = await db.membership.findFirst({ where: { tenantId, role: 'owner' }, orderBy: { createdAt: 'asc' }, include: { user: { select: { email: true } } } });
    const kept = values.phone.forwardExisting ?? null;
    const ownerPhone = values.business.ownerPhone ?? null;
    const settings = {
      phoneNumber,
      ivrMode: values.plan.tier === 'starter' ? ('simple' as const) : ('ivr' as const),
      // Calls ring the owner's mobile — never the number that forwards to us (that would loop).
      forwardingNumber: ownerPhone && ownerPhone !== kept ? ownerPhone : null,
      forwardedFromNumber: kept,
      timeZone: values.business.timeZone,
      greetingText: values.greeting.greetingText,
      infoText: values.greeting.infoText,
      ownerNotifyPhone: ownerPhone,
      ownerNotifyEmail: owner?.user.email ?? null,
    };
    await db.tenantPhoneConfig.upsert({ where: { tenantId }, create: { tenantId, ...settings }, update: settings });
  }

  return {
    findAvailableNumbers,

    async buyNumber({ tenantId, values }) {
      let order = await db.phoneNumberOrder.findUnique({ where: { tenantId } });
      if (!order || order.status === 'released') {
        const phoneNumber = await chooseNumber(values.phone);
        if (await heldByAnother(phoneNumber, tenantId)) throw unavailable(phoneNumber);
        // Intent first: from here on a retry looks this number up before buying anything.
        order = await db.phoneNumberOrder.upsert({ where: { tenantId }, create: { tenantId, phoneNumber }, update: { phoneNumber, status: 'ordered', twilioSid: null, orderedAt: new Date(), boughtAt: null, releasedAt: null } });
      }
      let sid = order.twilioSid;
      if (order.status === 'ordered') {
        const held = await findInAccount(order.phoneNumber, tenantId);
        const number = held ?? (await purchase(tenantId, order.phoneNumber));
        if (held) await client.incomingPhoneNumbers(held.sid).update(webhooks);
        sid = number.sid;
        await db.phoneNumberOrder.update({ where: { tenantId }, data: { status: 'bought', twilioSid: sid, boughtAt: new Date() } });
      }
      await writePhoneConfig(tenantId, order.phoneNumber, values);
      deps.logger.info({ tenantId, twilioSid: sid }, 'business number bought');
      return { phoneNumber: order.phoneNumber };
    },

    async releaseNumber({ tenantId }) {
      const order = await db.phoneNumberOrder.findUnique({ where: { tenantId } });
      if (!order || order.status === 'released') return { released: false };
      await db.tenantPhoneConfig.deleteMany({ where: { tenantId, phoneNumber: order.phoneNumber } });
      // An order whose purchase answer was lost may still have bought it: look before giving up on it.
      const sid = order.twilioSid ?? (await findInAccount(order.phoneNumber, tenantId))?.sid ?? null;
      if (sid) {
        await client
          .incomingPhoneNumbers(sid)
          .remove()
          .catch((error: unknown) => {
            if (twilioFailure(error).status !== 404) throw error; // already gone
          });
      }
      await db.phoneNumberOrder.update({ where: { tenantId }, data: { status: 'released', releasedAt: new Date() } });
      return { released: sid !== null };
    },
  };
}
