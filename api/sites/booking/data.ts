import type { SiteFacts } from '../../../domain/sites/site-model.ts';
import { instantIso, localToday, timeLabel, whenLabel, zoneLabel } from '../../../domain/sites/booking-times.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { forTenant } from '../../../prisma/tenant-db.ts';
import type { DayChoice, SlotChoice } from '../render/booking-pages.ts';
import { loadAvailability } from '../../../prisma/availability.ts';

// The rows behind the public booking pages: which services book online, their deposits, the
// business's rules, and free times turned into the days and slot links a page shows.

/** How many days ahead the day links reach. */
export const DAYS_SHOWN = 14;

/** Defaults when the business has no booking_settings row (the schema's own defaults). */
const DEFAULT_RULES = { depositsEnabled: false, cancellationWindowHours: 24, cancellationFeeCents: 0 };

export async function bookingRules(db: PrismaClient, tenantId: string) {
  const row = await db.bookingSettings.findUnique({ where: { tenantId }, select: { depositsEnabled: true, cancellationWindowHours: true, cancellationFeeCents: true } });
  return row ?? DEFAULT_RULES;
}

/** Services some active resource can do (online), and the deposit each asks when deposits are on. */
export async function onlineServices(db: PrismaClient, tenantId: string): Promise<{ online: Set<string>; deposits: Record<string, number> }> {
  const tdb = forTenant(db, tenantId);
  const [services, links, activeResources, rules] = await Promise.all([
    tdb.service.findMany({ where: { active: true }, select: { id: true, depositCents: true } }),
    tdb.serviceResource.findMany({ where: { resource: { active: true } }, select: { serviceId: true } }),
    tdb.resource.count({ where: { active: true } }),
    bookingRules(db, tenantId),
  ]);
  const linkedAny = new Set((await tdb.serviceResource.findMany({ select: { serviceId: true } })).map((l) => l.serviceId));
  const linkedActive = new Set(links.map((l) => l.serviceId));
  const online = new Set(services.filter((s) => (linkedAny.has(s.id) ? linkedActive.has(s.id) : activeResources > 0)).map((s) => s.id));
  const deposits = Object.fromEntries(services.map((s) => [s.id, rules.depositsEnabled ? s.depositCents : 0]));
  return { online, deposits };
}

export interface FreeTimes {
  zone: string;
  timeZone: string;
  date: string;
  days: DayChoice[];
  slots: SlotChoice[];
  /** Every free slot in the days shown (for "the nearest free times"). */
  all: SlotChoice[];
}

const choice = (start: string | Date, timeZone: string): SlotChoice => ({ start: instantIso(start), label: timeLabel(start, timeZone), when: whenLabel(start, timeZone) });

/** The next DAYS_SHOWN days of a service's free times, and the chosen day's (or the first day with any). */
export async function freeTimes(db: PrismaClient, facts: SiteFacts, serviceId: string, wanted: string | null, now = new Date()): Promise<FreeTimes> {
  const from = localToday(facts.timeZone, now);
  const availability = await loadAvailability(db, facts.tenantId, { serviceId, from, days: DAYS_SHOWN, now });
  const timeZone = availability.timeZone;
  const days = availability.days.map((day) => ({ date: day.date, free: day.slots.length }));
  const date = (wanted && days.some((d) => d.date === wanted) ? wanted : null) ?? days.find((d) => d.free > 0)?.date ?? from;
  const slotsOf = (d: (typeof availability.days)[number]) => d.slots.map((slot) => choice(slot.start, timeZone));
  const chosenDay = availability.days.find((d) => d.date === date);
  const slots = chosenDay ? slotsOf(chosenDay) : [];
  return { zone: zoneLabel(slots[0]?.start ?? `${date}T12:00:00`, timeZone), timeZone, date, days, slots, all: availability.days.flatMap(slotsOf) };
}

/** The slot a link or form names, if it is still free (a hand-made start that is not offered is refused here). */
export function offeredSlot(times: FreeTimes, start: Date): SlotChoice | null {
  const iso = instantIso(start);
  return times.all.find((slot) => slot.start === iso) ?? null;
}

export { choice as slotChoice };
