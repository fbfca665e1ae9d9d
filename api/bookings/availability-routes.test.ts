// The availability routes through app.request(): the public services list and slots (no session),
// the tenant's slots with resources, validation, unknown and closed businesses, a paused one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { uniqueId } from '../../tests/stack.ts';
import { withFreeNumber } from '../../tests/tenant-fixtures.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import type { TenantStatus } from '../../prisma/generated/enums.ts';

let t: TestApp;
const HOURS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '12:00']]]));
/** A Wednesday far ahead: well past the notice, inside a max advance the test sets wide. */
const DAY = '2031-04-02';

async function business(status: TenantStatus = 'active', over: { closedAt?: Date } = {}) {
  const id = uniqueId('avr');
  await withFreeNumber((phoneNumber) =>
    t.deps.db.tenant.create({
      data: {
        id,
        slug: id,
        ...over,
        config: { create: { businessName: `Shine ${id}`, status } },
        phoneConfig: { create: { phoneNumber, timeZone: 'America/Denver', businessHours: HOURS } },
        bookingSettings: { create: { slotIntervalMin: 60, maxAdvanceDays: 3650, depositsEnabled: true } },
      },
    }),
  );
  const tdb = forTenant(t.deps.db, id);
  const service = await tdb.service.create({ data: { name: 'Wash', description: 'Outside only', durationMin: 60, priceCents: 4_500, depositCents: 1_000, sortOrder: 1 } });
  const first = await tdb.service.create({ data: { name: 'Inspection', durationMin: 30, sortOrder: 0 } });
  await tdb.service.create({ data: { name: 'Retired', active: false } });
  const van = await tdb.resource.create({ data: { name: 'Van' } });
  return { id, serviceId: service.id, firstServiceId: first.id, vanId: van.id };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /api/public/:slug/services', () => {
  it('lists the active services in the business’s order with its name and clock, uncached, no session needed', async () => {
    const b = await business();
    const response = await t.call('GET', `/api/public/${b.id}/services`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.business).toEqual({ name: `Shine ${b.id}`, timeZone: 'America/Denver' });
    expect(body.services.map((s: { name: string }) => s.name)).toEqual(['Inspection', 'Wash']);
    expect(body.services[1]).toEqual({ id: b.serviceId, name: 'Wash', description: 'Outside only', priceCents: 4_500, durationMin: 60, depositCents: 1_000 });
  });

  it('an unknown slug or a closed business is 404; a business not set up yet too', async () => {
    expect((await t.call('GET', '/api/public/no-such-business-here/services')).status).toBe(404);
    expect((await t.call('GET', '/api/public/%00/services')).status).toBe(404);
    const closed = await business('closed');
    const response = await t.call('GET', `/api/public/${closed.id}/availability?serviceId=${closed.serviceId}&date=${DAY}`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/no longer available/);
    expect((await t.call('GET', `/api/public/${(await business('onboarding')).id}/services`)).status).toBe(404);
  });
});

describe('GET /api/public/:slug/availability', () => {
  it('gives the day’s slots as {start, end} on the business’s clock', async () => {
    const b = await business();
    const response = await t.call('GET', `/api/public/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      timeZone: 'America/Denver',
      slots: ['09', '10', '11'].map((h) => ({ start: `${DAY}T${h}:00:00-06:00`, end: `${DAY}T${String(Number(h) + 1).padStart(2, '0')}:00:00-06:00` })),
    });
  });

  it('days > 1 adds the days, each with its own slots; a weekend day has none', async () => {
    const b = await business();
    const body = await (await t.call('GET', `/api/public/${b.id}/availability?serviceId=${b.serviceId}&date=2031-04-04&days=3`)).json();
    expect(body.days.map((d: { date: string; slots: unknown[] }) => [d.date, d.slots.length])).toEqual([['2031-04-04', 3], ['2031-04-05', 0], ['2031-04-06', 0]]);
    expect(body.slots).toHaveLength(3);
  });

  it('refuses bad queries with a message, and an unknown or inactive service with 404', async () => {
    const b = await business();
    for (const query of ['', `serviceId=${b.serviceId}`, `serviceId=${b.serviceId}&date=2031-02-30`, `serviceId=nope&date=${DAY}`, `serviceId=${b.serviceId}&date=${DAY}&days=15`, `serviceId=${b.serviceId}&date=${DAY}&days=two`]) {
      const response = await t.call('GET', `/api/public/${b.id}/availability?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message, query).toMatch(/Please check/);
    }
    expect((await t.call('GET', `/api/public/${b.id}/availability?serviceId=${randomUUID()}&date=${DAY}`)).status).toBe(404);
  });

  it('a paused (suspended) business answers with no slots and a notice to call', async () => {
    const b = await business('suspended');
    const response = await t.call('GET', `/api/public/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.slots).toEqual([]);
    expect(body.notice).toMatch(/paused.*call/i);
  });
});

describe('GET /api/tenants/:tenantId/availability', () => {
  it('gives members the days with who is free per slot, and one resource when asked', async () => {
    const b = await business();
    const token = await t.memberToken(b.id, 'staff');
    const second = await forTenant(t.deps.db, b.id).resource.create({ data: { name: 'Van 2', sortOrder: 1, weeklyHours: { wed: [['11:00', '13:00']] } } });
    const response = await t.call('GET', `/api/tenants/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}&days=2`, { token });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.timeZone).toBe('America/Denver');
    expect(body.days[0].slots.map((s: { start: string; resourceIds: string[] }) => [s.start.slice(11, 16), s.resourceIds])).toEqual([
      ['09:00', [b.vanId]], ['10:00', [b.vanId]], ['11:00', [b.vanId, second.id]], ['12:00', [second.id]],
    ]);
    const one = await (await t.call('GET', `/api/tenants/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}&resourceId=${second.id}`, { token })).json();
    expect(one.days[0].slots.map((s: { start: string }) => s.start.slice(11, 16))).toEqual(['11:00', '12:00']);
    expect((await t.call('GET', `/api/tenants/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}&resourceId=${randomUUID()}`, { token })).status).toBe(404);
  });

  it('needs a member of that business', async () => {
    const b = await business();
    const other = await business();
    expect((await t.call('GET', `/api/tenants/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}`)).status).toBe(401);
    const outsider = await t.memberToken(other.id, 'owner');
    expect((await t.call('GET', `/api/tenants/${b.id}/availability?serviceId=${b.serviceId}&date=${DAY}`, { token: outsider })).status).toBe(403);
  });
});
