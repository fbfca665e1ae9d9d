// Availability over real Postgres: the rows the engine writes (holds, bookings, time off, hours,
// rules) take slots away and give them back as loadAvailability and isOffered read them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreeNumber } from '../tests/tenant-fixtures.ts';
import { testStack, uniqueId } from '../tests/stack.ts';
import { isOffered, loadAvailability } from './availability.ts';
import { cancelBooking, holdSlot, type HoldRequest } from './bookings.ts';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { forTenant } from './tenant-db.ts';

let db: PrismaClient;
const tenantId = uniqueId('avail');
let serviceId: string;
let bufferedServiceId: string;
let van1: string;
let van2: string;
let customerId: string;
/** Far from now so notice and max advance only matter where a test sets `now` near it. Wed 2031-04-02, New York EDT. */
const DAY = '2031-04-02';
const now = new Date('2031-03-20T12:00:00Z');
const HOURS = { mon: [['08:00', '12:00']], tue: [['08:00', '12:00']], wed: [['08:00', '12:00']], thu: [['08:00', '12:00']], fri: [['08:00', '12:00']] };

beforeAll(async () => {
  db = createPrismaClient(testStack().appDatabaseUrl);
  await withFreeNumber((phoneNumber) =>
    db.tenant.create({
      data: {
        id: tenantId,
        slug: tenantId,
        config: { create: { businessName: 'Availability test' } },
        phoneConfig: { create: { phoneNumber, timeZone: 'America/New_York', businessHours: HOURS } },
        bookingSettings: { create: { slotIntervalMin: 60, minNoticeMin: 120, maxAdvanceDays: 30 } },
      },
    }),
  );
  const tdb = forTenant(db, tenantId);
  serviceId = (await tdb.service.create({ data: { name: 'Tune-up', durationMin: 60 } })).id;
  bufferedServiceId = (await tdb.service.create({ data: { name: 'Detail', durationMin: 60, bufferBeforeMin: 30, bufferAfterMin: 30 } })).id;
  van1 = (await tdb.resource.create({ data: { name: 'Van 1', sortOrder: 0 } })).id;
  van2 = (await tdb.resource.create({ data: { name: 'Van 2', sortOrder: 1, weeklyHours: { wed: [['10:00', '14:00']] } } })).id;
  customerId = (await tdb.customer.create({ data: { name: 'Dana', phone: '+19185551234' } })).id;
});
afterAll(() => db?.$disconnect());

const slotsOn = async (date: string, over: { serviceId?: string; resourceId?: string; now?: Date } = {}) => {
  const result = await loadAvailability(db, tenantId, { serviceId, from: date, days: 1, now, ...over });
  return result.days[0]?.slots.map((s) => `${s.start.slice(11, 16)} ${s.resourceIds.map((id) => (id === van1 ? 'v1' : 'v2')).join('+')}`) ?? [];
};
const local = (date: string, time: string) => new Date(`${date}T${time}:00-04:00`);
const hold = (over: Partial<HoldRequest>) =>
  holdSlot(db, tenantId, { bookingId: randomUUID(), serviceId, customerId, start: local(DAY, '09:00'), resourceId: van1, source: 'web', holdMinutes: 5, now, ...over });

describe('loadAvailability', () => {
  it('uses the business hours for a resource without its own, its own week for the other, in the tenant’s zone and rules', async () => {
    const result = await loadAvailability(db, tenantId, { serviceId, from: DAY, days: 1, now });
    expect(result.timeZone).toBe('America/New_York');
    expect(result.days[0]!.slots[0]).toEqual({ start: `${DAY}T08:00:00-04:00`, end: `${DAY}T09:00:00-04:00`, resourceIds: [van1] });
    expect(await slotsOn(DAY)).toEqual(['08:00 v1', '09:00 v1', '10:00 v1+v2', '11:00 v1+v2', '12:00 v2', '13:00 v2']);
    expect(await slotsOn(DAY, { resourceId: van2 })).toEqual(['10:00 v2', '11:00 v2', '12:00 v2', '13:00 v2']);
  });

  it('a booking and a live hold remove their slots; an expired hold and a cancelled booking do not', async () => {
    const date = '2031-04-03';
    const booked = await hold({ start: local(date, '08:00'), confirm: true });
    const held = await hold({ start: local(date, '10:00') });
    const lapsed = await hold({ start: local(date, '11:00'), now: new Date(now.getTime() - 10 * 60_000) });
    const cancelled = await hold({ start: local(date, '09:00'), confirm: true });
    expect(booked.ok && held.ok && lapsed.ok && cancelled.ok).toBe(true);
    await cancelBooking(db, tenantId, cancelled.ok ? cancelled.booking.id : '');
    expect(await slotsOn(date)).toEqual(['09:00 v1', '11:00 v1']);
  });

  it('buffers: a service with 30 minutes either side needs room around the job', async () => {
    const date = '2031-04-07';
    expect((await hold({ start: local(date, '10:00'), confirm: true })).ok).toBe(true);
    expect(await slotsOn(date)).toEqual(['08:00 v1', '09:00 v1', '11:00 v1']);
    // 9:00–10:00 plus 30 after runs into the 10:00 job; 11:00 needs 10:30 free before it.
    expect(await slotsOn(date, { serviceId: bufferedServiceId })).toEqual(['08:00 v1']);
  });

  it('time off removes slots', async () => {
    const date = '2031-04-08';
    await forTenant(db, tenantId).resourceTimeOff.create({ data: { resourceId: van1, startsAt: local(date, '09:30'), endsAt: local(date, '11:00') } });
    expect(await slotsOn(date)).toEqual(['08:00 v1', '11:00 v1']);
  });

  it('minimum notice and max advance days from the tenant’s settings', async () => {
    expect(await slotsOn(DAY, { now: local(DAY, '07:30') })).toEqual(['10:00 v1+v2', '11:00 v1+v2', '12:00 v2', '13:00 v2']);
    // 30 days ahead of 2031-03-03 is 2031-04-02: that date is in; the next one is out.
    expect(await slotsOn(DAY, { now: local('2031-03-03', '12:00') })).toHaveLength(6);
    expect(await slotsOn('2031-04-03', { now: local('2031-03-03', '12:00') })).toEqual([]);
  });

  it('unknown service, resource and bad range are refusals, not errors', async () => {
    expect(await loadAvailability(db, tenantId, { serviceId: randomUUID(), from: DAY, days: 1, now })).toMatchObject({ days: [], refusal: 'service_not_found' });
    expect(await loadAvailability(db, tenantId, { serviceId: 'not-a-uuid', from: DAY, days: 1, now })).toMatchObject({ days: [], refusal: 'service_not_found' });
    expect(await loadAvailability(db, tenantId, { serviceId, resourceId: randomUUID(), from: DAY, days: 1, now })).toMatchObject({ days: [], refusal: 'no_resource' });
    expect(await loadAvailability(db, tenantId, { serviceId, from: '2031-13-01', days: 1, now })).toMatchObject({ days: [], refusal: 'bad_range' });
  });

  it('a tenant with no phone settings or rules gets US Central and the default rules (30-minute grid)', async () => {
    const bare = uniqueId('avail-bare');
    await db.tenant.create({ data: { id: bare, slug: bare, config: { create: { businessName: 'Bare' } } } });
    const tdb = forTenant(db, bare);
    const service = (await tdb.service.create({ data: { name: 'Visit', durationMin: 60 } })).id;
    await tdb.resource.create({ data: { name: 'Team', weeklyHours: HOURS } });
    const result = await loadAvailability(db, bare, { serviceId: service, from: DAY, days: 1, now });
    expect(result.timeZone).toBe('America/Chicago');
    expect(result.days[0]!.slots.map((s) => s.start)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => `${DAY}T${t}:00-05:00`));
  });
});

describe('isOffered', () => {
  it('offers a free start with the resources free for it', async () => {
    expect(await isOffered(db, tenantId, { serviceId, start: local(DAY, '10:00'), now })).toEqual({ offered: true, resourceIds: [van1, van2] });
    expect(await isOffered(db, tenantId, { serviceId, start: local(DAY, '10:00'), resourceId: van2, now })).toEqual({ offered: true, resourceIds: [van2] });
  });

  it('refuses with a reason for people', async () => {
    expect(await isOffered(db, tenantId, { serviceId, start: local(DAY, '16:00'), now })).toMatchObject({ offered: false, reason: 'That time is outside business hours' });
    expect(await isOffered(db, tenantId, { serviceId, start: local(DAY, '10:00'), now: local(DAY, '09:00') })).toMatchObject({ offered: false, reason: 'Book at least 2 hours ahead' });
    expect(await isOffered(db, tenantId, { serviceId: randomUUID(), start: local(DAY, '10:00'), now })).toMatchObject({ offered: false, refusal: 'service_not_found' });
    const date = '2031-04-09';
    const taken = await hold({ start: local(date, '09:00'), confirm: true });
    expect(await isOffered(db, tenantId, { serviceId, start: local(date, '09:00'), now })).toEqual({ offered: false, resourceIds: [], reason: 'That time was just taken', refusal: 'taken' });
    // A reschedule onto (part of) its own time is fine: its own row is set aside.
    expect(await isOffered(db, tenantId, { serviceId, start: local(date, '09:00'), now, ignoreBookingId: taken.ok ? taken.booking.id : '' })).toMatchObject({ offered: true });
  });
});
