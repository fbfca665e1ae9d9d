import { DateTime } from 'luxon';
import { forTenant } from '../prisma/tenant-db.ts';
import type { TestApp } from './app-harness.ts';
import { createSmsTenant, randomPhone } from './sms-fixtures.ts';

// A business that can take bookings in tests: a number to text from, one service, one resource, and
// a time zone where it is daytime right now — so quiet hours never hold a test's reminders unless
// the test means them to.

const ZONES = ['America/Chicago', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Tokyo', 'Asia/Kolkata', 'Europe/London', 'Pacific/Auckland'];

/** A zone where the local time is between 10:00 and 18:00 now. */
export function daytimeZone(now = new Date()): string {
  return ZONES.find((zone) => {
    const hour = DateTime.fromJSDate(now, { zone }).hour;
    return hour >= 10 && hour < 18;
  }) ?? 'Asia/Tokyo';
}

export async function createBookingTenant(t: TestApp, options: { timeZone?: string; durationMin?: number; depositCents?: number; businessName?: string } = {}) {
  const timeZone = options.timeZone ?? daytimeZone();
  const tenant = await createSmsTenant(t, { timeZone, businessName: options.businessName ?? 'Shiny Wheels Detailing' });
  await t.deps.db.tenantConfig.update({ where: { tenantId: tenant.tenantId }, data: { industry: 'auto-detailing' } });
  const tdb = forTenant(t.deps.db, tenant.tenantId);
  const service = await tdb.service.create({ data: { name: 'Full detail', durationMin: options.durationMin ?? 60, priceCents: 19_900, depositCents: options.depositCents ?? 0 } });
  // The registry gave it one resource ("Team"): it becomes the test's one van.
  const team = await tdb.resource.findFirstOrThrow();
  const resource = await tdb.resource.update({ where: { id: team.id }, data: { name: 'Van 1' } });
  // Open around the clock and bookable at once, so a test's times are offered whenever it runs.
  const allDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '23:59']]]));
  await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: tenant.tenantId }, data: { businessHours: allDay } });
  await t.deps.db.bookingSettings.upsert({ where: { tenantId: tenant.tenantId }, create: { tenantId: tenant.tenantId, minNoticeMin: 0, maxAdvanceDays: 3650 }, update: {} });
  return { ...tenant, timeZone, serviceId: service.id, resourceId: resource.id };
}

/** A customer to book for: a fresh number each time. */
export const customer = (name = 'Dana Reyes') => ({ name, phone: randomPhone() });

/** Texts the Twilio fake got for one number, oldest first. */
export const textsTo = (t: TestApp, phone: string) => t.twilio.messages().filter((m) => m.to === phone).map((m) => m.body);

/** A start on a whole minute, `seconds` or more from now (times in texts show minutes only). */
export function startIn(seconds: number, now = Date.now()): Date {
  return new Date(Math.ceil((now + seconds * 1000) / 60_000) * 60_000);
}
