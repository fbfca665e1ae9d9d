import type { Context } from 'hono';
import { manageCancelInput, manageRescheduleInput } from '../../../domain/inputs/site-booking.ts';
import { cancellationNotice } from '../../../domain/sites/booking-rules.ts';
import { validDate, whenLabel } from '../../../domain/sites/booking-times.ts';
import type { SiteFacts } from '../../../domain/sites/site-model.ts';
import { bookingPath, type SiteMount } from '../../../domain/sites/urls.ts';
import type { BookingRow } from '../../../prisma/bookings.ts';
import type { AppEnv } from '../../context.ts';
import { limiterOf, sameSite } from '../booking-request.ts';
import { formTokenValid } from '../form-token.ts';
import type { BookingSummary } from '../render/booking-pages.ts';
import { loadSiteFacts, type SiteTarget } from '../site-facts.ts';
import { bookingRules, freeTimes, slotChoice } from './data.ts';
import { bookingAnswer } from './flow.ts';
import { changeBooking, checkoutUrlOf, findBooking, manageTokenValid } from './booking-engine.ts';

// "Manage your booking": <site>/booking/<id>?t=<token>, the link in the confirmation text. It shows
// the booking, and cancels (after saying what the policy costs) or moves it through the booking
// workflow's own change, as the customer. A wrong token, or a booking of another business, is the
// site's plain 404 — nothing tells a guesser that the id exists.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JUST = new Set(['booked', 'moved', 'cancelled'] as const);

function summary(row: BookingRow, timeZone: string, now: Date): BookingSummary {
  return {
    id: row.id,
    serviceName: row.service?.name ?? 'Your booking',
    when: whenLabel(row.startsAt, timeZone),
    status: row.status,
    depositCents: row.depositCents,
    depositPaid: row.depositPaidAt !== null,
    address: row.address,
    changeable: (row.status === 'held' || row.status === 'confirmed') && row.startsAt.getTime() > now.getTime(),
    cancellationNote: row.cancellationNote,
  };
}

/** The site and the booking the link names, or null when the token does not fit (or the site is gone). */
async function owned(c: Context<AppEnv>, target: SiteTarget, bookingId: string, token: string): Promise<{ facts: SiteFacts; row: BookingRow } | { facts: SiteFacts | null; row: null }> {
  const deps = c.get('deps');
  const facts = await loadSiteFacts(deps.db, target);
  if (!facts || facts.status === 'closed' || !UUID.test(bookingId) || !manageTokenValid(deps.masterKey, facts.tenantId, bookingId, token)) return { facts, row: null };
  const row = await findBooking(deps.db, facts.tenantId, bookingId);
  return row ? { facts, row } : { facts, row: null };
}

const notFound = (c: Context<AppEnv>, facts: SiteFacts | null, mount: SiteMount) => bookingAnswer(c, facts, mount, null);

export async function managePage(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, bookingId: string, step: '' | 'cancel' | 'reschedule') {
  const token = c.req.query('t') ?? '';
  const { facts, row } = await owned(c, target, bookingId, token);
  if (!facts || !row) return notFound(c, facts, mount);
  const deps = c.get('deps');
  const now = new Date();
  const booking = summary(row, facts.timeZone, now);
  if (step === 'cancel' && booking.changeable) {
    const rules = await bookingRules(deps.db, facts.tenantId);
    return bookingAnswer(c, facts, mount, { kind: 'cancel', booking, token, fee: cancellationNotice(rules, row.startsAt, now) });
  }
  if (step === 'reschedule' && booking.changeable && row.service) return reschedulePage(c, facts, mount, row, token);
  const done = c.req.query('done');
  const just = JUST.has(done as never) ? (done as 'booked' | 'moved' | 'cancelled') : undefined;
  const owesDeposit = row.status === 'held' && row.depositCents > 0 && !row.depositPaidAt;
  const checkoutUrl = owesDeposit ? await checkoutUrlOf(deps, facts.tenantId, row.id) : null;
  return bookingAnswer(c, facts, mount, { kind: 'booking', booking, token, checkoutUrl, ...(just ? { just } : {}) });
}

async function reschedulePage(c: Context<AppEnv>, facts: SiteFacts, mount: SiteMount, row: BookingRow, token: string, error?: string) {
  const times = await freeTimes(c.get('deps').db, facts, row.service!.id, validDate(c.req.query('date')));
  const start = c.req.query('start');
  const chosen = start && !Number.isNaN(Date.parse(start)) ? slotChoice(new Date(start), facts.timeZone) : null;
  const booking = summary(row, facts.timeZone, new Date());
  return bookingAnswer(c, facts, mount, { kind: 'reschedule', booking, token, chosen, ...times, ...(error ? { error } : {}) }, error ? 409 : 200);
}

export async function manageChange(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, bookingId: string, step: 'cancel' | 'reschedule') {
  await sameSite(c, async () => {});
  const deps = c.get('deps');
  const limited = await limiterOf(deps)(c, async () => {});
  if (limited) return limited;
  const body = await c.req.parseBody();
  const parsed = (step === 'cancel' ? manageCancelInput : manageRescheduleInput).safeParse(body);
  const token = typeof body.t === 'string' ? body.t : '';
  const { facts, row } = await owned(c, target, bookingId, token);
  if (!facts || !row) return notFound(c, facts, mount);
  const back = (query: Record<string, string>) => c.redirect(bookingPath.manage(mount, row.id, token, undefined, query), 303);
  if (!parsed.success || !formTokenValid(deps.masterKey, facts.tenantId, typeof body.token === 'string' ? body.token : '')) {
    // An expired page (or a hand-made post): show the booking as it is, from where they can try again.
    return back({});
  }
  if (step === 'cancel') {
    const result = await changeBooking(deps, facts.tenantId, row.id, { action: 'cancel', by: 'customer' });
    return result.ok ? back({ done: 'cancelled' }) : back({});
  }
  const moved = manageRescheduleInput.safeParse(body);
  if (!moved.success) return back({});
  const start = moved.data.start;
  const result = await changeBooking(deps, facts.tenantId, row.id, { action: 'reschedule', start, by: 'customer' });
  if (result.ok) return back({ done: 'moved' });
  return reschedulePage(c, facts, mount, row, token, result.reason === 'slot_taken' ? 'Sorry — that time was just taken. Pick another one below.' : `${result.message}`);
}
