// A worker killed (SIGKILL) between a hold and its confirmation, and another started: the hold kept
// its slot meanwhile (Postgres holds it, not the worker), the confirmation sent while no worker ran
// is applied once by the next one, and the customer gets exactly one confirmation text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOnline } from '../api/bookings/book.ts';
import { findBooking } from '../prisma/bookings.ts';
import { confirmBookingChange, queryBookingState } from '../workers/client/booking.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { createBookingTenant, customer, textsTo } from './booking-fixtures.ts';
import { uniqueId } from './stack.ts';
import { workerProcesses } from './worker-process.ts';

let t: TestApp;
const taskQueue = uniqueId('crash-booking-tq');
const workers = workerProcesses(taskQueue, () => t.providerEnv);

beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => {
  workers.killAll();
  await t?.close();
});

describe('a worker killed between hold and confirm', () => {
  it('the hold keeps its slot while no worker runs, and the next worker confirms it once with one text', async () => {
    const shop = await createBookingTenant(t);
    // The API as deployed: booking workflows go to the worker processes' task queue.
    const deps = { ...t.deps, config: { ...t.deps.config, TEMPORAL_TASK_QUEUE: taskQueue } };
    const start = new Date(Math.ceil((Date.now() + 5 * 86_400_000) / 3_600_000) * 3_600_000);
    const person = customer('Kit');

    const first = await workers.start();
    const held = await bookOnline(deps, { tenantId: shop.tenantId, serviceId: shop.serviceId, start, ...person, source: 'sms', confirm: false });
    if (!held.ok) throw new Error(held.message);
    // The workflow has read its row and waits on the hold.
    await expect.poll(() => queryBookingState(t.deps.temporal, shop.tenantId, held.booking.id).then((s) => s.phase), { timeout: 30_000 }).toBe('held');
    first.kill('SIGKILL');

    // No worker: the time is not offered on the site, and the owner booking it by hand is refused by Postgres.
    const rival = await bookOnline(deps, { tenantId: shop.tenantId, serviceId: shop.serviceId, start, ...customer('Rival'), source: 'web' });
    expect(rival).toMatchObject({ ok: false, reason: 'not_offered' });
    expect(rival.ok ? '' : rival.message).toMatch(/taken/);
    const byHand = await bookOnline(deps, { tenantId: shop.tenantId, serviceId: shop.serviceId, start, ...customer('Walk-in'), source: 'owner' });
    expect(byHand).toMatchObject({ ok: false, reason: 'slot_taken' });
    // The customer agrees while no worker runs: the update waits in Temporal for one.
    const confirming = confirmBookingChange(t.deps.temporal, shop.tenantId, held.booking.id, 'customer');

    await workers.start();
    await expect(confirming).resolves.toMatchObject({ ok: true, status: 'confirmed' });
    expect(await findBooking(t.deps.db, shop.tenantId, held.booking.id)).toMatchObject({ status: 'confirmed' });
    await expect.poll(() => textsTo(t, person.phone).filter((body) => body.includes("you're booked")).length, { timeout: 30_000 }).toBe(1);
    // The replayed workflow does not text again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(textsTo(t, person.phone)).toHaveLength(1);
  }, 150_000);
});
