// Answering a reminder by text, end to end: the SMS webhook → the customer's conversation → the
// booking's workflow. X cancels, R gets the manage link, C keeps a confirmed booking; CANCEL alone stays the
// carrier opt-out it always was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOnline } from '../api/bookings/book.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { createBookingTenant, customer, textsTo } from '../tests/booking-fixtures.ts';
import { inboundParams, postInboundSms } from '../tests/sms-fixtures.ts';
import { findBooking } from '../prisma/bookings.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../tests/replay.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { cancelBookingChange, queryBookingState, rescheduleBookingChange, signalCustomerReply } from '../workers/client/booking.ts';

const RECORDED = 'booking-held-reply-move-cancel.json';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(() => t?.close());

describe('replies to booking texts', () => {
  it('X cancels, C leaves a confirmed booking confirmed, R answers with the manage link, CANCEL opts out', async () => {
    const shop = await createBookingTenant(t);
    const at = (days: number) => new Date(Math.ceil((Date.now() + days * 86_400_000) / 3_600_000) * 3_600_000);
    const people = [customer('Xavier'), customer('Cleo'), customer('Rae'), customer('Stop')];
    const booked = await Promise.all(
      people.map((person, i) => bookOnline(t.deps, { tenantId: shop.tenantId, serviceId: shop.serviceId, start: at(3 + i), ...person, source: 'owner' })),
    );
    const ids = booked.map((b) => (b.ok ? b.booking.id : ''));
    expect(ids.every(Boolean)).toBe(true);
    const status = (i: number) => findBooking(t.deps.db, shop.tenantId, ids[i]!).then((row) => row?.status);

    const texts = ['X', ' c ', 'R', 'CANCEL'];
    for (const [i, body] of texts.entries()) expect((await postInboundSms(t, inboundParams(people[i]!.phone, shop.number, body))).status).toBe(200);

    await expect.poll(() => status(0), { timeout: 20_000 }).toBe('cancelled');
    await expect.poll(() => textsTo(t, people[2]!.phone).some((body) => body.includes(`/booking/${ids[2]}?t=`)), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => textsTo(t, people[0]!.phone).some((body) => /cancelled/i.test(body)), { timeout: 20_000 }).toBe(true);
    // CANCEL is the carrier's word for "stop texting me": the booking stands, the number is opted out.
    await expect.poll(() => textsTo(t, people[3]!.phone).some((body) => /unsubscribed|no more/i.test(body)), { timeout: 20_000 }).toBe(true);
    expect(await status(3)).toBe('confirmed');
    expect(await status(2)).toBe('confirmed');
    expect(await status(1)).toBe('confirmed');
  });

  it('C confirms a held booking (one the agent holds until the customer agrees), and the confirmation is from the committed row', async () => {
    const shop = await createBookingTenant(t);
    const person = customer('Hollis');
    const start = new Date(Math.ceil((Date.now() + 4 * 86_400_000) / 3_600_000) * 3_600_000);
    const held = await bookOnline(t.deps, { tenantId: shop.tenantId, serviceId: shop.serviceId, start, ...person, source: 'sms', confirm: false });
    if (!held.ok) throw new Error(held.message);
    expect(held.booking.status).toBe('held');
    expect((await postInboundSms(t, inboundParams(person.phone, shop.number, 'C'))).status).toBe(200);
    await expect.poll(() => findBooking(t.deps.db, shop.tenantId, held.booking.id).then((row) => row?.status), { timeout: 20_000 }).toBe('confirmed');
    await expect.poll(() => textsTo(t, person.phone).some((body) => body.includes("you're booked")), { timeout: 20_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(textsTo(t, person.phone).filter((body) => /you're (booked|confirmed)/.test(body))).toHaveLength(1);
  });

  it('replays a recorded booking (held, confirmed by a reply, moved, cancelled) deterministically', async () => {
    if (recordingHistories) {
      const shop = await createBookingTenant(t, { businessName: 'Recorded Detailing' });
      const start = new Date(Math.ceil((Date.now() + 6 * 86_400_000) / 3_600_000) * 3_600_000);
      const held = await bookOnline(t.deps, { tenantId: shop.tenantId, serviceId: shop.serviceId, start, ...customer('Rory'), source: 'sms', confirm: false });
      if (!held.ok) throw new Error(held.message);
      const { tenantId } = shop;
      const id = held.booking.id;
      await signalCustomerReply(t.deps.temporal, tenantId, id, { action: 'confirm', messageSid: 'SMrecordedconfirm' });
      await expect.poll(() => queryBookingState(t.deps.temporal, tenantId, id).then((s) => s.phase), { timeout: 15_000 }).toBe('confirmed');
      expect(await rescheduleBookingChange(t.deps.temporal, tenantId, id, { start: new Date(start.getTime() + 86_400_000).toISOString(), resourceId: null, by: 'owner' })).toMatchObject({ ok: true });
      expect(await cancelBookingChange(t.deps.temporal, tenantId, id, { by: 'customer', reason: null })).toMatchObject({ ok: true, status: 'cancelled' });
      const handle = t.deps.temporal.workflow.getHandle(workflowIds.booking(tenantId, id));
      await handle.result();
      await recordHistory(RECORDED, await handle.fetchHistory());
    }
    await replayRecorded(RECORDED, 'booking:recorded');
  });
});
