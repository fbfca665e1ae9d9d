// The booking routes through app.request(), with a worker and the Twilio fake: a customer books an
// offered slot (201), the same slot again is 409 with what to do, bad input is 400 with field
// messages; the owner lists, books by hand, moves onto a taken time (409, nothing moved), moves,
// and cancels — and a staff member of another business sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createBookingTenant } from '../../tests/booking-fixtures.ts';
import { randomPhone } from '../../tests/sms-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(() => t?.close());

const WEEKDAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['08:00', '18:00']]]));

async function shop() {
  const s = await createBookingTenant(t, { timeZone: 'America/Chicago' });
  await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: s.tenantId }, data: { businessHours: WEEKDAYS } });
  const slug = (await t.deps.db.tenant.findUniqueOrThrow({ where: { id: s.tenantId }, select: { slug: true } })).slug;
  return { ...s, slug, token: await t.memberToken(s.tenantId, 'owner') };
}

/** The first slot the public API offers three days from now. */
async function firstSlot(slug: string, serviceId: string) {
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const r = await t.call('GET', `/api/public/${slug}/availability?serviceId=${serviceId}&date=${date}`);
  expect(r.status).toBe(200);
  const { slots } = (await r.json()) as { slots: { start: string; end: string }[] };
  expect(slots.length).toBeGreaterThan(4);
  return slots;
}

describe('booking routes', () => {
  it('a customer books an offered slot once; the second try is told the time is gone; bad input says what to fix', async () => {
    const s = await shop();
    const [slot] = await firstSlot(s.slug, s.serviceId);
    const body = { serviceId: s.serviceId, start: slot!.start, name: 'Jo <script>', phone: randomPhone() };
    const booked = await t.call('POST', `/api/public/${s.slug}/bookings`, { body });
    expect(booked.status).toBe(201);
    const { booking } = (await booked.json()) as { booking: { id: string; status: string; start: string } };
    expect(booking).toMatchObject({ status: 'confirmed', start: slot!.start });

    const again = await t.call('POST', `/api/public/${s.slug}/bookings`, { body: { ...body, phone: randomPhone() } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/pick/i);

    const bad = await t.call('POST', `/api/public/${s.slug}/bookings`, { body: { serviceId: 'nope', start: 'tomorrow', name: '', phone: '12' } });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['name', 'phone', 'serviceId', 'start']);
    expect((await t.adminSql('SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1', [s.tenantId])).rows[0].n).toBe(1);
  });

  it('the owner books by hand, cannot move onto a taken time, moves and cancels; another business sees nothing', async () => {
    const s = await shop();
    const slots = await firstSlot(s.slug, s.serviceId);
    const make = (start: string, phone = randomPhone()) =>
      t.call('POST', `/api/tenants/${s.tenantId}/bookings`, { token: s.token, body: { serviceId: s.serviceId, start, customer: { name: 'Pat Lee', phone } } });
    const first = await make(slots[0]!.start);
    // One-hour jobs on half-hour slots: slots[2] is the first that does not touch slots[0].
    const second = await make(slots[4]!.start);
    expect([first.status, second.status]).toEqual([201, 201]);
    const a = ((await first.json()) as { booking: { id: string } }).booking;
    const b = ((await second.json()) as { booking: { id: string; start: string } }).booking;

    const onto = await t.call('PATCH', `/api/tenants/${s.tenantId}/bookings/${b.id}`, { token: s.token, body: { action: 'reschedule', start: slots[0]!.start } });
    expect(onto.status).toBe(409);
    const stayed = await t.call('GET', `/api/tenants/${s.tenantId}/bookings/${b.id}`, { token: s.token });
    expect(((await stayed.json()) as { booking: { start: string } }).booking.start).toBe(b.start);

    const moved = await t.call('PATCH', `/api/tenants/${s.tenantId}/bookings/${b.id}`, { token: s.token, body: { action: 'reschedule', start: slots[2]!.start } });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { booking: { start: string } }).booking.start).toBe(slots[2]!.start);

    const cancelled = await t.call('PATCH', `/api/tenants/${s.tenantId}/bookings/${a.id}`, { token: s.token, body: { action: 'cancel' } });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { booking: { status: string } }).booking.status).toBe('cancelled');

    const list = await t.call('GET', `/api/tenants/${s.tenantId}/bookings?status=confirmed`, { token: s.token });
    expect(((await list.json()) as { bookings: { id: string }[] }).bookings.map((x) => x.id)).toEqual([b.id]);

    const other = await shop();
    const theirs = await t.call('GET', `/api/tenants/${other.tenantId}/bookings`, { token: other.token });
    expect(((await theirs.json()) as { bookings: unknown[] }).bookings).toEqual([]);
    expect((await t.call('GET', `/api/tenants/${s.tenantId}/bookings`, { token: other.token })).status).toBe(403);
    expect((await t.call('PATCH', `/api/tenants/${other.tenantId}/bookings/${b.id}`, { token: other.token, body: { action: 'cancel' } })).status).toBe(404);
  });
});
