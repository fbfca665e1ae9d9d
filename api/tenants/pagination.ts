import { z } from 'zod';
import { isUuid } from '../../domain/ids.ts';
import { ApiError } from '../errors.ts';

// Newest-first keyset pagination: the cursor is the (time, id) of the last row shown, so a page
// stays correct while new calls and texts arrive, and no offset scan grows with the history.

export interface Page {
  limit: number;
  after: { at: Date; id: string } | null;
}

const query = z.object({
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(25),
  cursor: z.string().optional(),
});

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function pageFrom(params: Record<string, string | undefined>): Page {
  const parsed = query.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(400, 'validation_failed', issue.message, { [String(issue.path[0] ?? '_')]: issue.message });
  }
  const { limit, cursor } = parsed.data;
  if (!cursor) return { limit, after: null };
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  // Only cursors we made are read: a time written exactly as encodeCursor writes it, within the
  // years a row can have (a valid JavaScript date can still be far outside Postgres' range).
  const ours = !Number.isNaN(at.getTime()) && at.toISOString() === iso && at.getUTCFullYear() >= 2000 && at.getUTCFullYear() <= 9999 && isUuid(id) && rest.length === 0;
  if (!ours) throw new ApiError(400, 'validation_failed', 'That page link is not valid; start from the first page.', { cursor: 'Not a valid cursor' });
  return { limit, after: { at, id } };
}

/** The rows before the cursor on (field, id), newest first. */
export function olderThan<F extends string>(field: F, page: Page) {
  if (!page.after) return {};
  const { at, id } = page.after;
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { lt: id } }] } as Record<'OR', Record<string, unknown>[]>;
}

/** One page of rows fetched with `take: limit + 1`: the rows to show and the next cursor. */
export function pageOf<T extends { id: string }>(rows: T[], page: Page, at: (row: T) => Date): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(at(last), last.id) : null };
}
