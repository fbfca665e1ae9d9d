import type { PrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { CallActivities, CallRecord, VoicemailRecord } from './contracts.ts';

/** The call log and the voicemail inbox, written through the tenant-scoped client. */
export function createCallActivities(db: PrismaClient): CallActivities {
  const customerByPhone = (tenantId: string, phone: string) =>
    forTenant(db, tenantId).customer.findFirst({ where: { phone }, select: { id: true, name: true } });

  return {
    async recordCall(call: CallRecord) {
      const tenantDb = forTenant(db, call.tenantId);
      const customer = await customerByPhone(call.tenantId, call.from);
      const fields = {
        fromNumber: call.from,
        toNumber: call.to,
        customerId: customer?.id ?? null,
        startedAt: new Date(call.startedAt),
        endedAt: new Date(call.endedAt),
        durationSec: call.durationSec,
        digits: call.digits,
        outcome: call.outcome,
      };
      await tenantDb.call.upsert({
        where: { tenantId_callSid: { tenantId: call.tenantId, callSid: call.callSid } },
        create: { callSid: call.callSid, ...fields },
        update: fields,
      });
    },

    async storeVoicemail(voicemail: VoicemailRecord) {
      const tenantDb = forTenant(db, voicemail.tenantId);
      const customer = await customerByPhone(voicemail.tenantId, voicemail.from);
      const row = await tenantDb.voicemail.upsert({
        where: { tenantId_recordingSid: { tenantId: voicemail.tenantId, recordingSid: voicemail.recordingSid } },
        create: {
          callSid: voicemail.callSid,
          recordingSid: voicemail.recordingSid,
          recordingUrl: voicemail.recordingUrl,
          fromNumber: voicemail.from,
          customerId: customer?.id ?? null,
          durationSec: voicemail.durationSec,
        },
        update: {},
      });
      return { voicemailId: row.id, callerName: customer?.name ?? null };
    },
  };
}
