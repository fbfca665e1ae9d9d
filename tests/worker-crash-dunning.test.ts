// A worker killed (SIGKILL) in the middle of dunning, and another started: the tenant still goes
// past due → suspended → active, the owner is texted and emailed once, and Stripe sees no second
// customer, subscription or un-keyed write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app-harness.ts';
import { billingFixtures } from './billing-fixtures.ts';
import { uniqueId } from './stack.ts';
import { workerProcesses } from './worker-process.ts';

let t: TestApp;
const taskQueue = uniqueId('dunning-crash-tq');
const workers = workerProcesses(taskQueue, () => t.providerEnv);
const startWorker = workers.start;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['stripe', 'twilio', 'smtp'] });
});
afterAll(async () => {
  workers.killAll();
  await t?.close();
});

const { durations, startTenant, post, invoice, status, textsTo } = billingFixtures(() => t);

describe('a worker killed mid-dunning', () => {
  it('the next worker carries on: one warning text, one email, one customer and subscription, every Stripe write keyed', async () => {
    const first = await startWorker();
    const { tenantId, owner, ownerEmail, customerId } = await startTenant('active', durations({ graceMs: 8_000 }), { taskQueue });

    await post('invoice.payment_failed', invoice(customerId, uniqueId('in'), 'open'));
    // The warning text has reached Twilio; the email and the activity's completion may not have happened yet.
    await expect.poll(() => textsTo(owner).length, { timeout: 30_000, interval: 50 }).toBe(1);
    first.kill('SIGKILL');

    await startWorker();
    await expect.poll(() => status(tenantId), { timeout: 90_000, interval: 500 }).toBe('suspended');
    await post('invoice.paid', invoice(customerId, uniqueId('in'), 'paid'));
    await expect.poll(() => status(tenantId), { timeout: 30_000 }).toBe('active');

    const warnings = t.smtp.received().filter((m) => m.to.includes(ownerEmail));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.raw).toMatch(/payment did not go through/);
    expect(textsTo(owner)).toHaveLength(1);
    expect(t.stripe.customers().filter((c) => (c.metadata as Record<string, string>).tenant_id === tenantId)).toHaveLength(1);
    expect(t.stripe.subscriptions().filter((s) => s.customer === customerId)).toHaveLength(1);
    const writes = t.stripe.requests().filter((r) => r.method === 'POST' && (r.params.customer === customerId || (r.params.metadata as Record<string, string> | undefined)?.tenant_id === tenantId));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((r) => !r.idempotencyKey)).toEqual([]);
  }, 240_000);
});
