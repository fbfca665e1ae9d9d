import { isOffered } from '../prisma/availability.ts';
import { manageLink } from '../domain/booking/manage-link.ts';
import { planReminders } from '../domain/booking/reminders.ts';
import { bookingText, lateCancellationNote } from '../domain/booking/texts.ts';
import { hasFeature } from '../domain/tiers.ts';
import { bookingRulesOf, tenantTimeZone } from '../prisma/booking-settings.ts';
import { cancelBooking, confirmBooking, findBooking, finishBooking, lapseHold, moveBooking, nextBookingOf, recordCheckoutSession, type BookingRow } from '../prisma/bookings.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import type { BookingActivities, BookingFacts, BookingRef, BookingWrite, MessagingActivities } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';

// The booking workflow's side effects: every write goes through the engine (prisma/bookings.ts),
// every text through sendSms (the one SMS path), rendered from the row as committed. Each is safe
// to repeat: the engine's writes are idempotent by booking id and status, texts by their key.

export function createBookingActivities(
  deps: ActivityDeps,
  messaging: Pick<MessagingActivities, 'sendSms'>,
  deposits: { createDepositCheckout(input: BookingRef): Promise<{ url: string; sessionId: string }> },
): BookingActivities {
  const { db } = deps;

  async function factsOf(row: BookingRow, tenantId: string, leads: number[]): Promise<BookingFacts> {
    const [timeZone, rules] = await Promise.all([tenantTimeZone(db, tenantId), bookingRulesOf(db, tenantId)]);
    return {
      status: row.status,
      start: row.startsAt.toISOString(),
      end: row.endsAt.toISOString(),
      holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
      depositCents: row.depositCents,
      depositPaid: row.depositPaidAt !== null,
      checkoutSessionId: row.checkoutSessionId,
      reminders: rules.remindersEnabled ? planReminders(row.startsAt, timeZone, leads, new Date()) : [],
      cancellationWindowHours: rules.cancellationWindowHours,
      hasReviewUrl: rules.reviewUrl !== null,
    };
  }

  const written = async (result: { ok: true; booking: BookingRow } | { ok: false; reason: Exclude<BookingWrite, { ok: true }>['reason'] }, ref: BookingRef, leads: number[]): Promise<BookingWrite> =>
    result.ok ? { ok: true, facts: await factsOf(result.booking, ref.tenantId, leads) } : { ok: false, reason: result.reason };

  async function reread(ref: BookingRef, leads: number[]): Promise<BookingWrite> {
    const row = await findBooking(db, ref.tenantId, ref.bookingId);
    return row ? { ok: true, facts: await factsOf(row, ref.tenantId, leads) } : { ok: false, reason: 'booking_not_found' };
  }

  return {
    async loadBookingFacts({ leads, ...ref }) {
      const row = await findBooking(db, ref.tenantId, ref.bookingId);
      return row ? factsOf(row, ref.tenantId, leads) : null;
    },

    async confirmHeldBooking({ leads, depositPaid, ...ref }) {
      return written(await confirmBooking(db, ref.tenantId, ref.bookingId, { depositPaid }), ref, leads);
    },

    async lapseBookingHold(ref) {
      return lapseHold(db, ref.tenantId, ref.bookingId);
    },

    async moveBookingTo({ leads, start, resourceId, askOffered, ...ref }) {
      const row = await findBooking(db, ref.tenantId, ref.bookingId);
      if (!row) return { ok: false, reason: 'booking_not_found' };
      if (askOffered && row.service) {
        const offered = await isOffered(db, ref.tenantId, { serviceId: row.service.id, start: new Date(start), resourceId: resourceId ?? undefined, ignoreBookingId: ref.bookingId });
        if (!offered.offered) return { ok: false, reason: 'not_offered' };
      }
      return written(await moveBooking(db, ref.tenantId, ref.bookingId, { start: new Date(start), resourceId }), ref, leads);
    },

    async cancelBookingFor({ leads, note, ...ref }) {
      return written(await cancelBooking(db, ref.tenantId, ref.bookingId, { note }), ref, leads);
    },

    async finishBookingAs({ leads, outcome, ...ref }) {
      await finishBooking(db, ref.tenantId, ref.bookingId, outcome);
      return reread(ref, leads);
    },

    async sendBookingText({ text, idempotencyKey, notAfter, feeNote, checkoutUrl, ...ref }) {
      const row = await findBooking(db, ref.tenantId, ref.bookingId);
      if (!row?.customer.phone) return null;
      const tenant = await db.tenant.findUnique({ where: { id: ref.tenantId }, select: { slug: true, config: { select: { businessName: true, industry: true, tier: true } }, site: { select: { customDomain: true } } } });
      const [timeZone, rules] = await Promise.all([tenantTimeZone(db, ref.tenantId), bookingRulesOf(db, ref.tenantId)]);
      const customDomain = tenant?.site?.customDomain && tenant.config && hasFeature(tenant.config.tier, 'customDomain') ? tenant.site.customDomain : null;
      const body = bookingText(text, {
        businessName: tenant?.config?.businessName ?? 'Your appointment',
        industry: tenant?.config?.industry ?? null,
        customerName: row.customer.name,
        serviceName: row.service?.name ?? 'appointment',
        start: row.startsAt,
        timeZone,
        manageLink: manageLink(deps.masterKey, { tenantId: ref.tenantId, slug: tenant?.slug ?? ref.tenantId, customDomain }, row.id, deps.config),
        reviewUrl: rules.reviewUrl,
        depositCents: row.depositCents,
        checkoutUrl: checkoutUrl ?? null,
        holdMinutes: rules.depositHoldMin,
        feeNote: feeNote ?? null,
      });
      const kind = text === 'reminder' ? 'reminder' : text === 'follow_up' ? 'automation' : 'booking';
      return messaging.sendSms({ tenantId: ref.tenantId, to: row.customer.phone, body, idempotencyKey, kind, customerId: row.customer.id, ...(notAfter ? { notAfter } : {}) });
    },

    async dropBookingReminders({ keepStart, ...ref }) {
      const prefix = `booking:${ref.bookingId}:reminder:`;
      const { count } = await forTenant(db, ref.tenantId).message.updateMany({
        where: {
          direction: 'outbound',
          idempotencyKey: { startsWith: prefix },
          status: { in: ['queued', 'blocked_quiet_hours'] },
          ...(keepStart ? { NOT: { idempotencyKey: { endsWith: `:${keepStart}` } } } : {}),
        },
        data: { status: 'cancelled', error: 'Not sent: the booking was moved or cancelled.' },
      });
      return { dropped: count };
    },

    async lateCancellationNote(ref) {
      const row = await findBooking(db, ref.tenantId, ref.bookingId);
      if (!row) return null;
      return lateCancellationNote(await bookingRulesOf(db, ref.tenantId), row.startsAt, new Date());
    },

    async createDepositCheckout(ref) {
      const checkout = await deposits.createDepositCheckout(ref);
      await recordCheckoutSession(db, ref.tenantId, ref.bookingId, checkout.sessionId);
      return checkout;
    },

    async findNextBooking({ tenantId, customerId }) {
      const row = await nextBookingOf(db, tenantId, customerId);
      return row ? { bookingId: row.id } : null;
    },
  };
}
