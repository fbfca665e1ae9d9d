// Setting up what can be booked, through app.request() against the real database: services (and
// who does them), team members and vans with their weeks, time off, and the booking rules — and
// that each change is what GET /availability offers next. Who may, closed businesses, other
// tenants' ids and the last active resource are refused.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createBookingTenant } from '../../tests/booking-fixtures.ts';
import { forTenant } from '../../prisma/tenant-db.ts';

let t: TestApp;
let platform: string;
/** A Wednesday far ahead: inside the fixture's wide max advance, past any notice. */
const DAY = '2031-04-02';
const ZONE = 'America/Chicago';

type Json = Record<string, any>;
type Business = Awaited<ReturnType<typeof createBookingTenant>> & { owner: string; staff: string };

async function business(): Promise<Business> {
  const b = await createBookingTenant(t, { timeZone: ZONE });
  const [owner, staff] = await Promise.all([t.memberToken(b.tenantId, 'owner'), t.memberToken(b.tenantId, 'staff')]);
  return { ...b, owner, staff };
}

async function send(b: Business, method: string, path: string, body?: unknown, token = b.owner): Promise<{ status: number; body: Json }> {
  const response = await t.call(method, `/api/tenants/${b.tenantId}${path}`, { token, body });
  return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Json) };
}

async function slots(b: Business, serviceId: string, date = DAY) {
  const r = await send(b, 'GET', `/availability?serviceId=${serviceId}&date=${date}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.slots as { start: string; end: string; resourceIds: string[] }[];
}

/** A confirmed job straight in the database (no workflow needed to be "in the way"). */
async function bookedJob(b: Business, start: string, minutes = 60, serviceId = b.serviceId) {
  const tdb = forTenant(t.deps.db, b.tenantId);
  const customer = await tdb.customer.create({ data: { name: 'Dana Reyes' } });
  const startsAt = DateTime.fromISO(start, { zone: ZONE }).toJSDate();
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  return tdb.booking.create({ data: { customerId: customer.id, serviceId, resourceId: b.resourceId, startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, status: 'confirmed', confirmedAt: new Date() } });
}

const actions = async (tenantId: string) => (await t.deps.db.auditLog.findMany({ where: { tenantId }, orderBy: { id: 'asc' }, select: { action: true } })).map((a) => a.action);

beforeAll(async () => {
  t = await createTestApp();
  platform = await t.ownerToken();
});
afterAll(async () => t?.close());

describe('services', () => {
  it('an owner adds a service done by one person only: availability offers only that person’s hours, and “anyone” again once the link is cleared', async () => {
    const b = await business();
    const alex = await send(b, 'POST', '/resources', { name: 'Alex', kind: 'technician', weeklyHours: { wed: [['09:00', '11:00']] } });
    expect(alex.status).toBe(201);
    expect(alex.body.resource).toMatchObject({ name: 'Alex', kind: 'technician', active: true, weeklyHours: { wed: [['09:00', '11:00']] } });
    const alexId = alex.body.resource.id as string;

    const created = await send(b, 'POST', '/services', { name: '  Quick wash ', durationMin: 30, priceCents: 4_500, bufferAfterMin: 15, resourceIds: [alexId] });
    expect(created.status).toBe(201);
    expect(created.body.service).toMatchObject({ name: 'Quick wash', description: null, durationMin: 30, priceCents: 4_500, depositCents: 0, bufferBeforeMin: 0, bufferAfterMin: 15, active: true, resourceIds: [alexId] });
    const washId = created.body.service.id as string;

    const listed = await send(b, 'GET', '/services');
    expect(listed.body.services.find((s: Json) => s.id === washId)).toMatchObject({ resourceIds: [alexId] });
    // Alex works 09:00–11:00: a 30-minute job every 30 minutes (the clean-up after it may run past closing).
    const offered = await slots(b, washId);
    expect(offered.map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30'].map((h) => `${DAY}T${h}:00-05:00`));
    expect(new Set(offered.flatMap((s) => s.resourceIds))).toEqual(new Set([alexId]));

    const cleared = await send(b, 'PATCH', `/services/${washId}`, { resourceIds: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body.service.resourceIds).toEqual([]);
    const anyone = await slots(b, washId);
    expect(anyone.length).toBeGreaterThan(40); // the van works around the clock
    expect(anyone.find((s) => s.start === `${DAY}T09:00:00-05:00`)!.resourceIds.sort()).toEqual([b.resourceId, alexId].sort());
    expect(await actions(b.tenantId)).toEqual(expect.arrayContaining(['resource.created', 'service.created', 'service.updated']));
  });

  it('edits a service: its length changes the slots, its name and price the public list', async () => {
    const b = await business();
    const r = await send(b, 'PATCH', `/services/${b.serviceId}`, { name: 'Full detail (large)', durationMin: 180, priceCents: 29_900, depositCents: 5_000, description: 'SUVs and trucks' });
    expect(r.status).toBe(200);
    expect(r.body.service).toMatchObject({ name: 'Full detail (large)', durationMin: 180, priceCents: 29_900, depositCents: 5_000, description: 'SUVs and trucks' });
    const first = (await slots(b, b.serviceId))[0]!;
    expect(DateTime.fromISO(first.end).diff(DateTime.fromISO(first.start), 'minutes').minutes).toBe(180);
    const pub = (await (await t.call('GET', `/api/public/${b.tenantId}/services`)).json()) as Json;
    expect(pub.services.find((s: Json) => s.id === b.serviceId)).toMatchObject({ name: 'Full detail (large)', priceCents: 29_900 });
  });

  it('refuses bad values with a message per field', async () => {
    const b = await business();
    const bad = await send(b, 'POST', '/services', { name: '', durationMin: 3, priceCents: -1, bufferBeforeMin: 300, bufferAfterMin: 1.5, depositCents: 100 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields).toMatchObject({
      name: 'Give the service a name',
      durationMin: 'How long it takes must be 5–720 minutes',
      priceCents: 'The price can’t be negative',
      bufferBeforeMin: 'Time before must be 0–240 minutes',
      bufferAfterMin: 'Time after must be a whole number of minutes',
    });
    const long = await send(b, 'POST', '/services', { name: 'x'.repeat(81), durationMin: 721, priceCents: 1_000, depositCents: 2_000 });
    expect(long.body.error.fields).toMatchObject({ name: 'The name must be 80 characters or fewer', durationMin: 'How long it takes must be 5–720 minutes', depositCents: 'The deposit can’t be more than the price' });
    // A deposit alone is checked against the price the service already has (19 900 cents).
    const deposit = await send(b, 'PATCH', `/services/${b.serviceId}`, { depositCents: 20_000 });
    expect(deposit.status).toBe(400);
    expect(deposit.body.error.fields).toEqual({ depositCents: 'The deposit can’t be more than the price' });
    // Another business's resource is not one of ours.
    const other = await business();
    const foreign = await send(b, 'PATCH', `/services/${b.serviceId}`, { resourceIds: [other.resourceId] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ resourceIds: 'Choose team members and vans from your own list' });
    expect((await send(b, 'POST', '/services', { name: 'Wash', durationMin: 30, priceCents: 0, colour: 'red' })).body.error.fields).toEqual({ _: 'Unknown field: colour' });
  });

  it('deletes a service nobody booked; one with bookings is turned off instead and stays in the list and its history', async () => {
    const b = await business();
    const spare = (await send(b, 'POST', '/services', { name: 'Spare', durationMin: 30, priceCents: 1_000 })).body.service;
    const gone = await send(b, 'DELETE', `/services/${spare.id}`);
    expect(gone).toEqual({ status: 200, body: { removed: true } });
    expect((await send(b, 'GET', '/services')).body.services.map((s: Json) => s.id)).not.toContain(spare.id);

    const job = await bookedJob(b, `${DAY}T10:00`);
    const kept = await send(b, 'DELETE', `/services/${b.serviceId}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ removed: false, service: { id: b.serviceId, active: false }, message: expect.stringMatching(/has a booking, so it was turned off instead of deleted/) });
    expect((await send(b, 'GET', '/services')).body.services.find((s: Json) => s.id === b.serviceId)).toMatchObject({ active: false });
    expect((await send(b, 'GET', `/bookings/${job.id}`)).body.booking.service).toMatchObject({ name: 'Full detail' });
    // Off means not offered: neither listed publicly nor bookable.
    const pub = (await (await t.call('GET', `/api/public/${b.tenantId}/services`)).json()) as Json;
    expect(pub.services.map((s: Json) => s.id)).not.toContain(b.serviceId);
    expect((await send(b, 'GET', `/availability?serviceId=${b.serviceId}&date=${DAY}`)).status).toBe(404);
    // And back on.
    expect((await send(b, 'PATCH', `/services/${b.serviceId}`, { active: true })).body.service.active).toBe(true);
    expect((await slots(b, b.serviceId)).length).toBeGreaterThan(0);
    expect(await actions(b.tenantId)).toEqual(expect.arrayContaining(['service.deleted']));
  });
});

describe('team members and vans', () => {
  it('edits a resource’s own week (validated like business hours), and back to the business hours with null', async () => {
    const b = await business();
    const own = await send(b, 'PATCH', `/resources/${b.resourceId}`, { name: 'Van A', kind: 'van', weeklyHours: { wed: [['13:00', '15:00'], ['08:00', '09:00']] } });
    expect(own.status).toBe(200);
    expect(own.body.resource).toMatchObject({ name: 'Van A', kind: 'van', weeklyHours: { wed: [['08:00', '09:00'], ['13:00', '15:00']] } });
    expect((await slots(b, b.serviceId)).map((s) => s.start.slice(11, 16))).toEqual(['08:00', '13:00', '13:30', '14:00']);

    const overlap = await send(b, 'PATCH', `/resources/${b.resourceId}`, { weeklyHours: { mon: [['09:00', '12:00'], ['11:00', '13:00']] } });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.fields).toEqual({ 'weeklyHours.mon.1': 'This overlaps 09:00–12:00' });
    const never = await send(b, 'PATCH', `/resources/${b.resourceId}`, { weeklyHours: {} });
    expect(never.body.error.fields).toEqual({ weeklyHours: 'Add at least one working time, or choose “Same as business hours”' });
    expect((await send(b, 'PATCH', `/resources/${b.resourceId}`, { kind: 'spaceship' })).body.error.fields).toEqual({ kind: 'Choose person, van or bay' });

    const back = await send(b, 'PATCH', `/resources/${b.resourceId}`, { weeklyHours: null });
    expect(back.body.resource.weeklyHours).toBeNull();
    expect((await slots(b, b.serviceId)).length).toBeGreaterThan(40);
  });

  it('will not turn off the last active one (409 saying what to do); with another it may, and that one’s slots go', async () => {
    const b = await business();
    const last = await send(b, 'PATCH', `/resources/${b.resourceId}`, { active: false });
    expect(last.status).toBe(409);
    expect(last.body.error).toMatchObject({ code: 'last_resource', message: expect.stringMatching(/Add another team member or van first/) });

    const sam = (await send(b, 'POST', '/resources', { name: 'Sam', weeklyHours: { wed: [['10:00', '11:00']] } })).body.resource;
    expect(sam.kind).toBe('technician');
    const off = await send(b, 'PATCH', `/resources/${b.resourceId}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.resource.active).toBe(false);
    expect((await slots(b, b.serviceId)).map((s) => [s.start.slice(11, 16), s.resourceIds])).toEqual([['10:00', [sam.id]]]);
    expect((await send(b, 'PATCH', `/resources/${sam.id}`, { active: false })).status).toBe(409);
  });
});

describe('time off', () => {
  it('whole days on the business’s clock take that day’s slots away; the list shows it; removing it gives them back', async () => {
    const b = await business();
    const added = await send(b, 'POST', `/resources/${b.resourceId}/time-off`, { from: DAY, through: DAY, reason: 'Van in the shop' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      timeOff: { resourceId: b.resourceId, startsAt: '2031-04-02T05:00:00.000Z', endsAt: '2031-04-03T05:00:00.000Z', from: DAY, through: DAY, wholeDays: true, reason: 'Van in the shop' },
      bookingsInside: 0,
      message: null,
    });
    expect(await slots(b, b.serviceId)).toEqual([]);
    expect((await slots(b, b.serviceId, '2031-04-03')).length).toBeGreaterThan(40);

    const list = await send(b, 'GET', `/resources/${b.resourceId}/time-off`, undefined, b.staff);
    expect(list.body).toMatchObject({ timeZone: ZONE, timeOff: [{ id: added.body.timeOff.id, from: DAY, through: DAY }] });

    expect((await send(b, 'DELETE', `/resources/${b.resourceId}/time-off/${added.body.timeOff.id}`)).status).toBe(204);
    expect((await slots(b, b.serviceId)).length).toBeGreaterThan(40);
    expect((await send(b, 'GET', `/resources/${b.resourceId}/time-off`)).body.timeOff).toEqual([]);
    expect((await send(b, 'DELETE', `/resources/${b.resourceId}/time-off/${added.body.timeOff.id}`)).status).toBe(404);
    expect(await actions(b.tenantId)).toEqual(expect.arrayContaining(['time_off.added', 'time_off.removed']));
  });

  it('days across the spring clock change are 47 hours (Chicago, 8–9 March 2031); an exact range is kept as sent', async () => {
    const b = await business();
    const dst = await send(b, 'POST', `/resources/${b.resourceId}/time-off`, { from: '2031-03-08', through: '2031-03-09' });
    expect(dst.body.timeOff).toMatchObject({ startsAt: '2031-03-08T06:00:00.000Z', endsAt: '2031-03-10T05:00:00.000Z', wholeDays: true, reason: null });
    const exact = await send(b, 'POST', `/resources/${b.resourceId}/time-off`, { startsAt: `${DAY}T08:00:00-05:00`, endsAt: `${DAY}T14:00:00-05:00` });
    expect(exact.body.timeOff).toMatchObject({ from: DAY, through: DAY, wholeDays: false });
    const starts = (await slots(b, b.serviceId)).map((s) => s.start.slice(11, 16));
    expect(starts).toContain('07:00');
    expect(starts).toContain('14:00');
    expect(starts.filter((s) => s > '07:00' && s < '14:00')).toEqual([]);
  });

  it('is allowed over booked jobs, and says how many are in it', async () => {
    const b = await business();
    await bookedJob(b, `${DAY}T09:00`);
    await bookedJob(b, `${DAY}T15:00`);
    const r = await send(b, 'POST', `/resources/${b.resourceId}/time-off`, { from: DAY, through: DAY });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ bookingsInside: 2, bookingIds: [expect.any(String), expect.any(String)], message: expect.stringMatching(/has 2 bookings during this time off.*move or cancel them/) });
  });

  it('refuses a last day before the first, an end before the start, and dates that are not dates', async () => {
    const b = await business();
    const path = `/resources/${b.resourceId}/time-off`;
    expect((await send(b, 'POST', path, { from: '2031-04-05', through: '2031-04-02' })).body.error.fields).toEqual({ through: 'The last day off can’t be before the first' });
    expect((await send(b, 'POST', path, { from: '2031-02-30', through: '2031-03-01' })).body.error.fields).toEqual({ from: 'The first day off must be a real date, like 2026-12-14' });
    expect((await send(b, 'POST', path, { startsAt: `${DAY}T10:00:00Z`, endsAt: `${DAY}T09:00:00Z` })).body.error.fields).toEqual({ endsAt: 'The end must be after the start' });
    expect((await send(b, 'POST', path, [])).status).toBe(400);
  });
});

describe('booking rules', () => {
  const rules = { slotIntervalMin: 60, minNoticeMin: 0, maxAdvanceDays: 730, cancellationWindowHours: 48, cancellationFeeCents: 2_500, depositsEnabled: true, remindersEnabled: false, reviewUrl: 'https://g.page/r/shiny-wheels/review' };

  it('reads them, and a new slot interval changes the slots offered', async () => {
    const b = await business();
    const got = await send(b, 'GET', '/booking-settings', undefined, b.staff);
    expect(got.body.bookingSettings).toMatchObject({ slotIntervalMin: 30, minNoticeMin: 0, maxAdvanceDays: 3650, holdMin: 5 });
    expect((await slots(b, b.serviceId)).slice(0, 3).map((s) => s.start.slice(11, 16))).toEqual(['00:00', '00:30', '01:00']);

    const saved = await send(b, 'PUT', '/booking-settings', rules);
    expect(saved.status).toBe(200);
    expect(saved.body.bookingSettings).toEqual({ ...rules, holdMin: 5, depositHoldMin: 30 });
    // Within the new two years ahead.
    const soon = DateTime.now().setZone(ZONE).plus({ days: 30 }).toISODate()!;
    expect((await slots(b, b.serviceId, soon)).slice(0, 3).map((s) => s.start.slice(11, 16))).toEqual(['00:00', '01:00', '02:00']);
    expect(await slots(b, b.serviceId)).toEqual([]);
    const entry = await t.deps.db.auditLog.findFirstOrThrow({ where: { tenantId: b.tenantId, action: 'booking_settings.updated' } });
    expect(entry).toMatchObject({ before: expect.objectContaining({ slotIntervalMin: 30 }), after: expect.objectContaining({ slotIntervalMin: 60 }) });
  });

  it('refuses values out of range with a message per field; the review link must be https', async () => {
    const b = await business();
    const r = await send(b, 'PUT', '/booking-settings', { ...rules, slotIntervalMin: 3, minNoticeMin: 10_081, maxAdvanceDays: 0, cancellationWindowHours: 169, cancellationFeeCents: -5, reviewUrl: 'http://example.com/review' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({
      slotIntervalMin: 'Start times every must be 5–240 minutes',
      minNoticeMin: 'Notice must be 0–10080 minutes',
      maxAdvanceDays: 'How far ahead must be 1–730 days',
      cancellationWindowHours: 'Cancellation window must be 0–168 hours',
      cancellationFeeCents: 'The late-cancellation fee can’t be negative',
      reviewUrl: 'The review link must be a web address starting with https://',
    });
    const { reviewUrl: _dropped, ...missing } = rules;
    expect((await send(b, 'PUT', '/booking-settings', { ...missing, reviewUrl: '' })).body.bookingSettings.reviewUrl).toBeNull();
  });
});

describe('who may change it', () => {
  it('staff read everything but change nothing (403)', async () => {
    const b = await business();
    for (const path of ['/services', '/resources', `/resources/${b.resourceId}/time-off`, '/booking-settings']) expect((await send(b, 'GET', path, undefined, b.staff)).status, path).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/services', { name: 'Wash', durationMin: 30, priceCents: 0 }],
      ['PATCH', `/services/${b.serviceId}`, { name: 'Mine now' }],
      ['DELETE', `/services/${b.serviceId}`, undefined],
      ['POST', '/resources', { name: 'Van 2' }],
      ['PATCH', `/resources/${b.resourceId}`, { name: 'Mine' }],
      ['POST', `/resources/${b.resourceId}/time-off`, { from: DAY, through: DAY }],
      ['PUT', '/booking-settings', { slotIntervalMin: 60 }],
    ];
    for (const [method, path, body] of writes) expect((await send(b, method, path, body, b.staff)).status, `${method} ${path}`).toBe(403);
    // The platform owner manages every business.
    expect((await send(b, 'PATCH', `/services/${b.serviceId}`, { name: 'Full detail' }, platform)).status).toBe(200);
  });

  it('another business’s services, resources and time off are 404 here, and untouched', async () => {
    const b = await business();
    const other = await business();
    const theirs = (await send(other, 'POST', `/resources/${other.resourceId}/time-off`, { from: DAY, through: DAY })).body.timeOff.id as string;
    expect((await send(b, 'PATCH', `/services/${other.serviceId}`, { name: 'Stolen' })).status).toBe(404);
    expect((await send(b, 'DELETE', `/services/${other.serviceId}`)).status).toBe(404);
    expect((await send(b, 'PATCH', `/resources/${other.resourceId}`, { name: 'Stolen' })).status).toBe(404);
    expect((await send(b, 'GET', `/resources/${other.resourceId}/time-off`)).status).toBe(404);
    expect((await send(b, 'POST', `/resources/${other.resourceId}/time-off`, { from: DAY, through: DAY })).status).toBe(404);
    expect((await send(b, 'DELETE', `/resources/${b.resourceId}/time-off/${theirs}`)).status).toBe(404);
    expect((await send(b, 'DELETE', `/resources/${other.resourceId}/time-off/${theirs}`)).status).toBe(404);
    expect((await send(b, 'PATCH', '/services/not-a-uuid', { name: 'x' })).status).toBe(404);
    // Nor may one business's owner reach into the other's path.
    expect((await send(other, 'PATCH', `/services/${other.serviceId}`, { name: 'Stolen' }, b.owner)).status).toBe(403);
    expect((await send(other, 'GET', '/services')).body.services[0].name).toBe('Full detail');
    expect((await send(other, 'GET', `/resources/${other.resourceId}/time-off`)).body.timeOff).toHaveLength(1);
  });

  it('a closed business changes nothing (409 tenant_closed), and still reads', async () => {
    const b = await business();
    expect((await t.call('DELETE', `/api/admin/tenants/${b.tenantId}`, { token: platform })).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/services', { name: 'Wash', durationMin: 30, priceCents: 0 }],
      ['PATCH', `/resources/${b.resourceId}`, { name: 'Van 9' }],
      ['PUT', '/booking-settings', { slotIntervalMin: 60 }],
    ] as const) {
      const r = await send(b, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(409);
      expect(r.body.error.code).toBe('tenant_closed');
    }
    expect((await send(b, 'GET', '/booking-settings')).status).toBe(200);
  });
});
