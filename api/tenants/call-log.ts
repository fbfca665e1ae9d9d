import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { ApiError } from '../errors.ts';
import { callerNames } from './caller-names.ts';
import { olderThan, pageOf, type Page } from './pagination.ts';
import { isUuid } from '../../domain/ids.ts';


/** The call log and the voicemail inbox of one tenant, read through the tenant-scoped client. */
export function callLog(db: PrismaClient, tenantId: string) {
  const tdb = forTenant(db, tenantId);

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
      const rows = await tdb.voicemail.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: page.limit + 1 });
      const { items, nextCursor } = pageOf(rows, page, (row) => row.createdAt);
      const nameOf = await callerNames(tdb, items.map((row) => ({ customerId: row.customerId, number: row.fromNumber })));
      const unlistened = await tdb.voicemail.count({ where: { listenedAt: null } });
      return { voicemails: items.map((row) => voicemailView(row, nameOf({ customerId: row.customerId, number: row.fromNumber }))), nextCursor, unlistened };
    },

    async markListened(id: string, listened: boolean) {
      const missing = () => new ApiError(404, 'not_found', 'That voicemail is not in this inbox.');
      if (!isUuid(id)) throw missing();
      const { count } = await tdb.voicemail.updateMany({ where: { id }, data: { listenedAt: listened ? new Date() : null } });
      if (count === 0) throw missing();
      const row = await tdb.voicemail.findFirstOrThrow({ where: { id } });
      const nameOf = await callerNames(tdb, [{ customerId: row.customerId, number: row.fromNumber }]);
      return voicemailView(row, nameOf({ customerId: row.customerId, number: row.fromNumber }));
    },
  };
}

type VoicemailRow = { id: string; callSid: string; fromNumber: string; recordingUrl: string; durationSec: number; listenedAt: Date | null; createdAt: Date };

function voicemailView(row: VoicemailRow, customer: { id: string; name: string } | null) {
  return {
    id: row.id,
    callSid: row.callSid,
    from: row.fromNumber,
    callerName: customer?.name ?? null,
    customerId: customer?.id ?? null,
    recordingUrl: row.recordingUrl,
    durationSec: row.durationSec,
    listened: row.listenedAt !== null,
    listenedAt: row.listenedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
