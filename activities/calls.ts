import { wholeSeconds } from '../domain/twilio-fields.ts';
import { usagePeriod } from '../domain/usage-period.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { addUsage } from '../prisma/usage-counters.ts';
import type { CallActivities, CallRecord, VoicemailRecord, VoicemailRef } from './contracts.ts';

export interface CallActivityHooks {
  /** After a voicemail row is stored (every time: it must be idempotent), e.g. to keep its audio. */
  voicemailStored?: (voicemail: VoicemailRef) => Promise<void>;
}

/** The call log, the month's call seconds, and the voicemail inbox, written through the tenant-scoped client. */
export function createCallActivities(db: PrismaClient, hooks: CallActivityHooks = {}): CallActivities {
  const customerByPhone = (tenantId: string, phone: string) =>
    forTenant(db, tenantId).customer.findFirst({ where: { phone }, select: { id: true, name: true } });

  return {
    async recordCall(input: CallRecord) {
      // The edge already cleaned the duration; a workflow started before that (or a bad caller of
      // this activity) must still never write a negative, fractional or NaN number of seconds.
      const call = { ...input, durationSec: wholeSeconds(input.durationSec) };
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
      await tenantDb.transaction(async (tx) => {
        // One writer per CallSid at a time, so the "seconds already counted" we read below stays true.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`call:${call.tenantId}:${call.callSid}`}))`;
        const before = await tx.call.findFirst({ where: { callSid: call.callSid }, select: { durationSec: true, startedAt: true } });
        await tx.call.upsert({
          where: { tenantId_callSid: { tenantId: call.tenantId, callSid: call.callSid } },
          create: { callSid: call.callSid, ...fields },
          update: fields,
        });
        // Usage counts the difference from what this CallSid already added, so a retried
        // recordCall adds nothing and a corrected duration replaces the old one.
        const change = new Map<string, number>();
        if (before) change.set(usagePeriod(before.startedAt), -wholeSeconds(before.durationSec));
        const period = usagePeriod(fields.startedAt);
        change.set(period, (change.get(period) ?? 0) + call.durationSec);
        for (const [month, seconds] of change) {
          if (seconds === 0) continue;
          // A correction takes back what this call added (never below zero: no credit).
          await addUsage(tx, call.tenantId, month, { callSeconds: seconds });
        }
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
          durationSec: wholeSeconds(voicemail.durationSec),
        },
        update: {},
      });
      await hooks.voicemailStored?.({ tenantId: voicemail.tenantId, voicemailId: row.id });
      return { voicemailId: row.id, callerName: customer?.name ?? null };
    },
  };
}
