import { ApplicationFailure } from '@temporalio/common';
import { toE164 } from '../domain/phone.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { createCallActivities, type CallActivityHooks } from './calls.ts';
import type { KeptMessageActivities } from './contracts.ts';
import { findOrCreateCustomerByPhone, recordInboundMessage } from '../prisma/inbound-texts.ts';

/** The error type of a number no tenant owns: retrying cannot help, the workflow stops. */
export const NO_TENANT_FOR_NUMBER = 'NoTenantForNumber';

/**
 * The voicemails and texts the API handed to Temporal while Postgres was down
 * (workflows/kept-messages.ts), stored the way the webhooks would have stored them. Until the
 * database answers these fail and Temporal retries them.
 */
export function createKeptMessageActivities(db: PrismaClient, hooks: CallActivityHooks = {}): KeptMessageActivities {
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
      const tenantId = await tenantOf(known, message.to);
      const customer = await findOrCreateCustomerByPhone(db, tenantId, message.from);
      const { messageId } = await recordInboundMessage(db, tenantId, message, customer.id);
      return { tenantId, messageId };
    },
  };
}
