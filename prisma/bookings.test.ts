// The booking engine against real Postgres: the exclusion constraint, not the code, decides who
// gets a slot — 200 attempts at once at one slot make exactly one booking.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack, uniqueId } from '../tests/stack.ts';
import { cancelBooking, confirmBooking, holdSlot, lapseHold, moveBooking, type HoldRequest } from './bookings.ts';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

let db: PrismaClient;
const tenantId = uniqueId('book');
let serviceId: string;
let resourceIds: string[];
let customerId: string;
const slot = new Date('2031-03-04T15:00:00Z');

beforeAll(async () => {
  db = createPrismaClient(testStack().appDatabaseUrl, { maxConnections: 20 });
  await db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: 'Engine test' } } } });
  const tdb = forTenant(db, tenantId);
  serviceId = (await tdb.service.create({ data: { name: 'Full detail', durationMin: 120, bufferBeforeMin: 15, bufferAfterMin: 30, priceCents: 19_900 } })).id;
  resourceIds = [(await tdb.resource.create({ data: { name: 'Van 1', sortOrder: 0 } })).id, (await tdb.resource.create({ data: { name: 'Van 2', sortOrder: 1 } })).id];
  customerId = (await tdb.customer.create({ data: { name: 'Dana', phone: '+19185551234' } })).id;
});
afterAll(() => db?.$disconnect());

const hold = (over: Partial<HoldRequest> = {}) =>
  holdSlot(db, tenantId, { bookingId: randomUUID(), serviceId, customerId, start: slot, resourceId: resourceIds[0]!, source: 'web', holdMinutes: 5, ...over });

describe('booking engine', () => {
  it('200 attempts at once at one resource and slot make exactly one hold; the rest are told the slot is taken', async () => {
    const start = new Date('2031-03-05T15:00:00Z');
    const results = await Promise.all(Array.from({ length: 200 }, () => hold({ start })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'slot_taken')).toHaveLength(199);
    expect(await forTenant(db, tenantId).booking.count({ where: { startsAt: start, status: { in: ['held', 'confirmed'] } } })).toBe(1);
  });

  it('buffers block the resource: a job that would start inside the previous one’s clean-up is refused; another van takes it', async () => {
    const first = await hold({ start: new Date('2031-03-06T15:00:00Z'), confirm: true });
    expect(first.ok && first.booking.status).toBe('confirmed');
    // The first ends 17:00, plus 30 min after; the next blocks 15 min before its start: 17:30 is the first free start.
    const tooSoon = await hold({ start: new Date('2031-03-06T17:40:00Z') });
    expect(tooSoon).toEqual({ ok: false, reason: 'slot_taken' });
    const anyone = await hold({ start: new Date('2031-03-06T17:40:00Z'), resourceId: null });
    expect(anyone.ok && anyone.booking.resource.name).toBe('Van 2');
    const later = await hold({ start: new Date('2031-03-06T17:45:00Z') });
    expect(later.ok).toBe(true);
  });

  it('an expired hold frees its slot for the next hold, and cannot be revived once taken', async () => {
    const start = new Date('2031-03-07T15:00:00Z');
    const past = new Date(Date.now() - 10 * 60_000);
    const stale = await hold({ start, now: past });
    expect(stale.ok).toBe(true);
    const next = await hold({ start });
    expect(next.ok).toBe(true);
    const revived = await confirmBooking(db, tenantId, stale.ok ? stale.booking.id : '');
    expect(revived).toEqual({ ok: false, reason: 'slot_taken' });
  });

  it('a retried hold with the same id returns the first row; confirm and cancel are safe to repeat', async () => {
    const bookingId = randomUUID();
    const start = new Date('2031-03-08T15:00:00Z');
    const [a, b] = await Promise.all([hold({ bookingId, start }), hold({ bookingId, start })]);
    expect(a.ok && b.ok && a.booking.id === b.booking.id).toBe(true);
    expect((await confirmBooking(db, tenantId, bookingId)).ok).toBe(true);
    expect((await confirmBooking(db, tenantId, bookingId)).ok).toBe(true);
    expect(await lapseHold(db, tenantId, bookingId, new Date(Date.now() + 3_600_000))).toEqual({ lapsed: false });
    const cancelled = await cancelBooking(db, tenantId, bookingId, { note: 'Changed plans' });
    expect(cancelled.ok && cancelled.booking.status).toBe('cancelled');
    expect((await cancelBooking(db, tenantId, bookingId)).ok).toBe(true);
    // Its time is free again.
    expect((await hold({ start })).ok).toBe(true);
  });

  it('moving onto a taken time is refused and leaves the booking where it was', async () => {
    const a = await hold({ start: new Date('2031-03-09T15:00:00Z'), confirm: true });
    const b = await hold({ start: new Date('2031-03-09T19:00:00Z'), confirm: true });
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await moveBooking(db, tenantId, b.booking.id, { start: new Date('2031-03-09T16:00:00Z') })).toEqual({ ok: false, reason: 'slot_taken' });
    const moved = await moveBooking(db, tenantId, b.booking.id, { start: new Date('2031-03-09T16:00:00Z'), resourceId: resourceIds[1]! });
    expect(moved.ok && moved.booking.resource.name).toBe('Van 2');
    expect(moved.ok && moved.booking.startsAt.toISOString()).toBe('2031-03-09T16:00:00.000Z');
  });
});
