import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from '../../domain/sms-keywords.ts';
import { ANSWER_KINDS } from '../../domain/sms-kinds.ts';
import type { TenantDb } from '../../prisma/tenant-db.ts';

/** STOP, START, HELP…: answered automatically, so nobody is waiting on them. */
const KEYWORDS = [...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS];

/** A text older than this is history, not a customer waiting: it also bounds the rows read. */
export const WAITING_WINDOW_DAYS = 30;

interface WaitingRow {
  counterpart: string;
  body: string;
  receivedAt: Date;
  customerId: string | null;
  waiting: bigint;
}

/**
 * Customers waiting for an answer: each one whose latest text to the business has no answer from a
 * person after it (a text of an ANSWER_KINDS kind that went out). Automatic answers (auto-reply,
 * keyword confirmations) do not count, and neither does a lone STOP or HELP. One statement: each
 * sender's latest inbound text of the window, then an anti-join on the outbound rows of the window
 * (both on the messages (tenant, created) index; EXPLAIN preferred it to a dedicated one).
 */
export async function textsWaitingForAnswer(tdb: TenantDb, limit: number, now = new Date()): Promise<{ waiting: number; latest: Omit<WaitingRow, 'waiting'>[] }> {
  const since = new Date(now.getTime() - WAITING_WINDOW_DAYS * 86_400_000);
  const rows = await tdb.transaction((tx) =>
    tx.$queryRaw<WaitingRow[]>`
      SELECT latest.from_number AS counterpart, latest.body, latest.created_at AS "receivedAt", latest.customer_id::text AS "customerId", count(*) OVER () AS waiting
      FROM (
        SELECT DISTINCT ON (from_number) from_number, body, created_at, customer_id
        FROM messages
        WHERE tenant_id = ${tdb.tenantId} AND direction = 'inbound' AND created_at >= ${since}
        ORDER BY from_number, created_at DESC
      ) AS latest
      WHERE upper(btrim(latest.body, E' \\t\\r\\n"''.!?')) <> ALL (${KEYWORDS}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM messages answer
          WHERE answer.tenant_id = ${tdb.tenantId} AND answer.direction = 'outbound' AND answer.to_number = latest.from_number
            AND answer.status IN ('queued', 'sent') AND answer.created_at > latest.created_at AND answer.created_at >= ${since}
            AND (answer.kind IS NULL OR answer.kind = ANY (${[...ANSWER_KINDS]}::text[]))
        )
      ORDER BY latest.created_at DESC
      LIMIT ${limit}`,
  );
  return { waiting: Number(rows[0]?.waiting ?? 0), latest: rows.map(({ waiting: _, ...row }) => row) };
}
