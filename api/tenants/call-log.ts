import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { ApiError } from '../errors.ts';
import { callerNames } from './caller-names.ts';
import { olderThan, pageOf, type Page } from './pagination.ts';
import { isUuid } from '../../domain/ids.ts';
import { isTwilioRecordingSid } from '../../domain/recordings.ts';
import type { RecordingLinkSigner } from './recording-links.ts';


/** The call log and the voicemail inbox of one tenant, read through the tenant-scoped client. */
export function callLog(db: PrismaClient, tenantId: string, recordingLinks: RecordingLinkSigner | null = null) {
  const tdb = forTenant(db, tenantId);
  const withAudio = { audio: { select: { sizeBytes: true } } } as const;
  /** A link to play it: when we keep its audio, or Twilio has it (fetched on the first play). */
  const recordingOf = async (row: VoicemailRow) =>
    recordingLinks && (row.audio || isTwilioRecordingSid(row.recordingSid)) ? recordingLinks(row.id) : null;
  const view = async (row: VoicemailRow, customer: { id: string; name: string } | null) => voicemailView(row, customer, await recordingOf(row));

  return {
    async calls(page: Page) {
      const rows = await tdb.call.findMany({ where: olderThan('startedAt', page), orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: page.limit + 1 });
      const { items, nextCursor } = pageOf(rows, page, (row) => row.startedAt);
      const nameOf = await callerNames(tdb, items.map((row) => ({ customerId: row.customerId, number: row.fromNumber })));
      return {
        calls: items.map((row) => {
          const customer = nameOf({ customerId: row.customerId, number: row.fromNumber });
          return {
            id: row.id,
            callSid: row.callSid,
            from: row.fromNumber,
            to: row.toNumber,
            callerName: customer?.name ?? null,
            customerId: customer?.id ?? null,
            startedAt: row.startedAt.toISOString(),
            endedAt: row.endedAt?.toISOString() ?? null,
            durationSec: row.durationSec,
            /** The keys pressed, in order: ["9", "3"]. */
            digits: row.digits ? row.digits.split(',') : [],
            outcome: row.outcome,
          };
        }),
        nextCursor,
      };
    },

    async voicemails(page: Page, options: { unlistenedOnly?: boolean } = {}) {
      const where = { ...olderThan('createdAt', page), ...(options.unlistenedOnly ? { listenedAt: null } : {}) };
      const rows = await tdb.voicemail.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: page.limit + 1, include: withAudio });
      const { items, nextCursor } = pageOf(rows, page, (row) => row.createdAt);
      const nameOf = await callerNames(tdb, items.map((row) => ({ customerId: row.customerId, number: row.fromNumber })));
      const unlistened = await tdb.voicemail.count({ where: { listenedAt: null } });
      const voicemails = await Promise.all(items.map((row) => view(row, nameOf({ customerId: row.customerId, number: row.fromNumber }))));
      return { voicemails, nextCursor, unlistened };
    },

    async markListened(id: string, listened: boolean) {
      const missing = () => new ApiError(404, 'not_found', 'That voicemail is not in this inbox.');
      if (!isUuid(id)) throw missing();
      const { count } = await tdb.voicemail.updateMany({ where: { id }, data: { listenedAt: listened ? new Date() : null } });
      if (count === 0) throw missing();
      const row = await tdb.voicemail.findFirstOrThrow({ where: { id }, include: withAudio });
      const nameOf = await callerNames(tdb, [{ customerId: row.customerId, number: row.fromNumber }]);
      return view(row, nameOf({ customerId: row.customerId, number: row.fromNumber }));
    },
  };
}

type VoicemailRow = {
  id: string; callSid: string; fromNumber: string; recordingSid: string; durationSec: number; listenedAt: Date | null; createdAt: Date;
  transcript: string | null; transcriptStatus: 'none' | 'pending' | 'done' | 'failed'; audio: { sizeBytes: number } | null;
};

function voicemailView(row: VoicemailRow, customer: { id: string; name: string } | null, recording: { url: string; expiresAt: string } | null) {
  return {
    id: row.id,
    callSid: row.callSid,
    from: row.fromNumber,
    callerName: customer?.name ?? null,
    customerId: customer?.id ?? null,
    /** Where the inbox's player streams it from (a short-lived link, see recording-links.ts); null when there is no audio. */
    recording,
    /** `none`: no speech-to-text provider is set up — there is no text, and none is made up. */
    transcript: { status: row.transcriptStatus, text: row.transcriptStatus === 'done' ? row.transcript : null },
    durationSec: row.durationSec,
    listened: row.listenedAt !== null,
    listenedAt: row.listenedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
