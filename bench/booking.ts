// Bookings (`npm run bench -- booking`): the three numbers the bookings issue asks for, each next to
// a floor measured in the same run on the same tables.
//  1. 1,000 attempts at one slot at once through `bookOnline` (availability check, customer, hold,
//     workflow start): exactly one booking and 999 refusals, and the attempts' throughput next to
//     1,000 bare INSERTs into `bookings` at distinct times.
//  2. The confirmation text: from `bookOnline` called to the Twilio fake holding the text.
//  3. A month of availability for a tenant with 5 resources and 2,000 bookings, next to the plain
//     SQL that reads the same booking rows.
import { randomUUID } from 'node:crypto';
import { bookOnline } from '../api/bookings/book.ts';
import { createApp } from '../api/app.ts';
import { parseConfig } from '../domain/config.ts';
import { loadAvailability } from '../prisma/availability.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { startProviderFakes } from '../tests/provider-fakes.ts';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startWorker } from '../workers/worker.ts';
import { measure, percentile, seriesOf, type Series } from './measure.ts';

const ATTEMPTS = Number(process.env.BENCH_BOOKING_ATTEMPTS ?? 1000);
const TEXTS = Number(process.env.BENCH_BOOKING_TEXTS ?? 60);
const MONTH_BOOKINGS = Number(process.env.BENCH_MONTH_BOOKINGS ?? 2000);
const AVAILABILITY_READS = Number(process.env.BENCH_AVAILABILITY_READS ?? 200);
const RESOURCES = 5;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ALL_DAY = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '23:59']]]));

export interface BookingBenchReport {
  race: { attempts: number; booked: number; refusals: Record<string, number>; errors: number };
  confirmationText: { n: number; p50Ms: number; p95Ms: number; maxMs: number; missing: number; targetP95Ms: number };
  availability: { resources: number; bookings: number; days: number; slotsReturned: number; targetP95Ms: number };
  results: Series[];
}

const number = (i: number) => `+1405${String(3_000_000 + i).padStart(7, '0')}`;
const phone = (run: number, i: number) => `+1918${String(2_000_000 + run * 100_000 + i).padStart(7, '0')}`;

export async function runBookingBench(): Promise<BookingBenchReport> {
  const stack = await startEphemeralStack();
  const fakes = await startProviderFakes({ accounts: ['twilio'], sandboxKey: Buffer.from(stack.masterKeyBase64, 'base64') });
  const config = parseConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: 'bench-booking', SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    ...fakes.env,
  });
  const deps = await createDeps(config, createLogger('silent'));
  const worker = await startWorker({ address: stack.temporalAddress, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, masterKey: deps.masterKey, activityDeps: deps });
  const app = createApp(deps);
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stack.owner) });
  const { token } = (await login.json()) as { token: string };
  const twilio = fakes.twilio!;
  const admin = createPrismaClient(stack.adminDatabaseUrl);

  /** A bookable business (through the registry, as an operator makes one): one service, `resources` resources, open around the clock. */
  async function business(i: number, resources: number) {
    const id = `bench-book-${i}`;
    const created = await app.request('/api/admin/tenants', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ id, businessName: `Bench Detailing ${i}`, tier: 'pro', phoneNumber: number(i) }),
    });
    if (created.status !== 201) throw new Error(`tenant not created: ${created.status} ${await created.text()}`);
    await deps.db.tenantPhoneConfig.update({ where: { tenantId: id }, data: { timeZone: 'America/Chicago', businessHours: ALL_DAY } });
    await deps.db.bookingSettings.upsert({ where: { tenantId: id }, create: { tenantId: id, minNoticeMin: 0, maxAdvanceDays: 3650 }, update: {} });
    const tdb = forTenant(deps.db, id);
    const service = await tdb.service.create({ data: { name: 'Full detail', durationMin: 60, priceCents: 19_900 } });
    // The registry gave it one resource ("Team"): it becomes Van 1, and the rest are added.
    const team = await tdb.resource.findFirstOrThrow();
    const resourceIds = [(await tdb.resource.update({ where: { id: team.id }, data: { name: 'Van 1' } })).id];
    for (let r = 1; r < resources; r++) resourceIds.push((await tdb.resource.create({ data: { name: `Van ${r + 1}`, sortOrder: r } })).id);
    const customer = await tdb.customer.create({ data: { name: 'Bench Customer', phone: phone(9, i) } });
    return { tenantId: id, serviceId: service.id, resourceIds, customerId: customer.id };
  }

  /** `hour` (0–17) past 3:00 in Chicago (4:00 in summer), `days` days out: inside the all-day hours with room for the job, and clear of the hour a fall-back day repeats. */
  const startAt = (days: number, hour = 0) => {
    const day = new Date(Date.now() + days * DAY);
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + (9 + hour) * HOUR);
  };
  const results: Series[] = [];
  try {
    // 1. The race.
    const race = await business(1, 2);
    const slot = startAt(10);
    const outcomes = new Map<string, number>();
    let errors = 0;
    const latencies: number[] = [];
    const raceStarted = performance.now();
    await Promise.all(
      Array.from({ length: ATTEMPTS }, async (_, i) => {
        const t0 = performance.now();
        try {
          const result = await bookOnline(deps, { tenantId: race.tenantId, serviceId: race.serviceId, resourceId: race.resourceIds[0], start: slot, name: `Racer ${i}`, phone: phone(1, i), source: 'web' });
          const key = result.ok ? 'booked' : result.reason;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }),
    );
    results.push(seriesOf(`bookOnline: ${ATTEMPTS} attempts at one slot, all at once`, latencies, performance.now() - raceStarted, { concurrency: ATTEMPTS }));
    const booked = await forTenant(deps.db, race.tenantId).booking.count({ where: { resourceId: race.resourceIds[0], startsAt: slot, status: { in: ['held', 'confirmed'] } } });

    // The floor: bare INSERTs into the same table on the other resource, at distinct times, one
    // autocommitted statement each as the table's owner (no tenant transaction around it).
    const bareInsert = (start: Date) => admin.$executeRaw`
      INSERT INTO bookings (id, tenant_id, customer_id, service_id, resource_id, starts_at, ends_at, blocked_from, blocked_until, status, source, updated_at)
      VALUES (${randomUUID()}::uuid, ${race.tenantId}, ${race.customerId}::uuid, ${race.serviceId}::uuid, ${race.resourceIds[1]}::uuid, ${start}, ${new Date(start.getTime() + HOUR)}, ${start}, ${new Date(start.getTime() + HOUR)}, 'confirmed', 'web', now())`;
    const floorTimes: number[] = [];
    const floorStarted = performance.now();
    await Promise.all(
      Array.from({ length: ATTEMPTS }, async (_, i) => {
        const t0 = performance.now();
        await bareInsert(new Date(startAt(400).getTime() + i * HOUR));
        floorTimes.push(performance.now() - t0);
      }),
    );
    // (1,000 bare INSERTs at one time are no floor: racing for one range inside the exclusion
    // constraint they deadlock in pairs, each pair broken after deadlock_timeout — why holdSlot takes a lock per resource.)
    results.push(seriesOf(`bare INSERT into bookings, ${ATTEMPTS} distinct times, all at once`, floorTimes, performance.now() - floorStarted, { concurrency: ATTEMPTS, baselineOf: 'bookOnline race' }));

    // 2. The confirmation text, one booking at a time and eight at once.
    const texts = await business(2, RESOURCES);
    const delays: number[] = [];
    let missing = 0;
    for (const concurrency of [1, 8]) {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < TEXTS) {
            const i = next++;
            const to = phone(2 + concurrency, i);
            const t0 = performance.now();
            const result = await bookOnline(deps, { tenantId: texts.tenantId, serviceId: texts.serviceId, start: startAt(20 + concurrency * 40 + Math.floor(i / 18), i % 18), name: `Texter ${i}`, phone: to, source: 'web' });
            if (!result.ok) throw new Error(`booking for the text bench refused: ${result.message}`);
            for (;;) {
              if (twilio.messages().some((m) => m.to === to)) break;
              if (performance.now() - t0 > 30_000) {
                missing += 1;
                break;
              }
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            delays.push(performance.now() - t0);
          }
        }),
      );
    }
    delays.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;

    // 3. A month of availability: 2,000 confirmed bookings over 30 days on 5 resources.
    const month = await business(3, RESOURCES);
    const firstDay = startAt(30);
    const mdb = forTenant(deps.db, month.tenantId);
    await mdb.booking.createMany({
      data: Array.from({ length: MONTH_BOOKINGS }, (_, i) => {
        const resource = i % RESOURCES;
        const nth = Math.floor(i / RESOURCES); // 400 per resource: ~13 a day over 30 days
        const start = new Date(firstDay.getTime() + Math.floor(nth / 13) * DAY + (nth % 13) * HOUR + (nth % 13 > 6 ? HOUR : 0));
        const end = new Date(start.getTime() + HOUR);
        return { customerId: month.customerId, serviceId: month.serviceId, resourceId: month.resourceIds[resource]!, startsAt: start, endsAt: end, blockedFrom: start, blockedUntil: end, status: 'confirmed' as const, source: 'owner' as const };
      }),
    });
    const from = firstDay.toISOString().slice(0, 10);
    const query = { serviceId: month.serviceId, from, days: 31 };
    const sample = await loadAvailability(deps.db, month.tenantId, query);
    const slotsReturned = sample.days.reduce((n, day) => n + day.slots.length, 0);
    const windowFrom = new Date(firstDay.getTime() - 2 * DAY);
    const windowUntil = new Date(firstDay.getTime() + 33 * DAY);
    for (const concurrency of [1, 4]) {
      results.push(
        await measure(`plain SQL: the month's live bookings of 5 resources, c=${concurrency}`, AVAILABILITY_READS, concurrency, () =>
          mdb.$queryRaw`SELECT id, resource_id, blocked_from, blocked_until, status, hold_expires_at FROM bookings
            WHERE resource_id = ANY(${month.resourceIds}::uuid[]) AND status IN ('held', 'confirmed', 'completed') AND blocked_from < ${windowUntil} AND blocked_until > ${windowFrom}`, 'availability'),
      );
      results.push(await measure(`loadAvailability: 31 days, 5 resources, ${MONTH_BOOKINGS} bookings, c=${concurrency}`, AVAILABILITY_READS, concurrency, () => loadAvailability(deps.db, month.tenantId, query)));
    }

    return {
      race: { attempts: ATTEMPTS, booked, refusals: Object.fromEntries([...outcomes].filter(([k]) => k !== 'booked')), errors },
      confirmationText: { n: delays.length, p50Ms: round(percentile(delays, 50)), p95Ms: round(percentile(delays, 95)), maxMs: round(delays.at(-1) ?? 0), missing, targetP95Ms: 10_000 },
      availability: { resources: RESOURCES, bookings: MONTH_BOOKINGS, days: 31, slotsReturned, targetP95Ms: 50 },
      results,
    };
  } finally {
    await worker.shutdown();
    await closeDeps(deps);
    await admin.$disconnect();
    await fakes.close();
    await stack.stop();
  }
}
