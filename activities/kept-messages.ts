import { ApplicationFailure } from '@temporalio/common';
import { platformSmsNumber } from '../domain/carrier-registration/states.ts';
import { toE164 } from '../domain/phone.ts';
import { findOrCreateCustomerByPhone, recordInboundMessage } from '../prisma/inbound-texts.ts';
import { tenantOfPlatformReply } from '../prisma/platform-text-routes.ts';
import { createCallActivities, type CallActivityHooks } from './calls.ts';
import type { KeptMessageActivities } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';

/** The error type of a number no tenant owns: retrying cannot help, the workflow stops. */
export const NO_TENANT_FOR_NUMBER = 'NoTenantForNumber';

/**
 * The voicemails and texts the API handed to Temporal while Postgres was down
 * (workflows/kept-messages.ts), stored the way the webhooks would have stored them. Until the
 * database answers these fail and Temporal retries them.
 */
export function createKeptMessageActivities({ db, config, masterKey }: Pick<ActivityDeps, 'db' | 'config' | 'masterKey'>, hooks: CallActivityHooks = {}): KeptMessageActivities {
  const { storeVoicemail } = createCallActivities(db, hooks);

  async function tenantOf(known: string | null, calledNumber: string): Promise<string> {
    if (known) return known;
    const number = toE164(calledNumber) ?? calledNumber;
    const phone = await db.tenantPhoneConfig.findUnique({ where: { phoneNumber: number }, select: { tenantId: true } });
    if (!phone) throw ApplicationFailure.nonRetryable('No business has the number that was called; nothing to store it under.', NO_TENANT_FOR_NUMBER);
    return phone.tenantId;
  }

  return {
    async keepVoicemail(voicemail) {
      const tenantId = await tenantOf(voicemail.tenantId, voicemail.to);
      const { voicemailId } = await storeVoicemail({ tenantId, callSid: voicemail.callSid, recordingSid: voicemail.recordingSid, recordingUrl: voicemail.recordingUrl, from: voicemail.from, durationSec: voicemail.durationSec });
      return { tenantId, voicemailId };
    },

    async keepInboundText({ tenantId: known, message }) {
      // A reply to the shared platform number belongs to the business that last texted the customer from it, as in the webhook.
      const routed = !known && message.to === platformSmsNumber(config) ? await tenantOfPlatformReply(db, masterKey, message.from) : null;
      const tenantId = await tenantOf(known ?? routed, message.to);
      const customer = await findOrCreateCustomerByPhone(db, tenantId, message.from);
      const { messageId } = await recordInboundMessage(db, tenantId, message, customer.id);
      return { tenantId, messageId };
    },
  };
}
