import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { randomPhone } from '../tests/sms-fixtures.ts';
import { uniqueId } from '../tests/stack.ts';
import { createCallActivities } from './calls.ts';
import type { CallRecord } from './contracts.ts';

// recordCall against the real database: the call log row and the month's call seconds.

let t: TestApp;
let calls: ReturnType<typeof createCallActivities>;
beforeAll(async () => {
  t = await createTestApp();
  calls = createCallActivities(t.deps.db);
});
afterAll(async () => {
  await t?.close();
});

async function newTenant() {
  const tenantId = uniqueId('calls');
  await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro' } } } });
  return tenantId;
}
const call = (tenantId: string, overrides: Partial<CallRecord> = {}): CallRecord => ({
  tenantId,
  callSid: uniqueId('CA'),
  from: randomPhone(),
  to: randomPhone(),
  startedAt: '2026-03-31T23:58:00Z',
  endedAt: '2026-03-31T23:59:30Z',
  durationSec: 90,
  digits: '2',
  outcome: 'answered',
  ...overrides,
});
const seconds = async (tenantId: string, period: string) => (await forTenant(t.deps.db, tenantId).usageCounter.findFirst({ where: { period } }))?.callSeconds ?? null;

describe('recordCall counts call seconds into the month', () => {
  it('counts a call once per CallSid however often it is recorded', async () => {
    const tenantId = await newTenant();
    const first = call(tenantId);
    await calls.recordCall(first);
    await calls.recordCall(first); // a retried activity
    await Promise.all([calls.recordCall(first), calls.recordCall(first)]); // and two at once
    expect(await seconds(tenantId, '2026-03')).toBe(90);
    expect(await forTenant(t.deps.db, tenantId).call.count({ where: { callSid: first.callSid } })).toBe(1);

    await calls.recordCall(call(tenantId, { durationSec: 45 }));
    expect(await seconds(tenantId, '2026-03')).toBe(135);
  });

  it('two first recordings of one call at the same moment count it once', async () => {
    const tenantId = await newTenant();
    const first = call(tenantId);
    await Promise.all([calls.recordCall(first), calls.recordCall(first), calls.recordCall(first)]);
    expect(await seconds(tenantId, '2026-03')).toBe(90);
  });

  it('a corrected duration replaces the one counted before', async () => {
    const tenantId = await newTenant();
    const first = call(tenantId);
    await calls.recordCall(first);
    await calls.recordCall({ ...first, durationSec: 100 });
    expect(await seconds(tenantId, '2026-03')).toBe(100);
  });

  it('counts into the UTC month the call started in, and a missed call adds nothing', async () => {
    const tenantId = await newTenant();
    await calls.recordCall(call(tenantId, { startedAt: '2026-04-01T00:00:05Z', endedAt: '2026-04-01T00:01:05Z', durationSec: 60 }));
    await calls.recordCall(call(tenantId, { durationSec: 0, outcome: 'missed' }));
    expect(await seconds(tenantId, '2026-04')).toBe(60);
    expect(await seconds(tenantId, '2026-03')).toBeNull();
  });

  it('a negative, NaN or absurd duration counts as 0 to 24 hours: usage never goes down, the call log is written', async () => {
    const tenantId = await newTenant();
    await calls.recordCall(call(tenantId));
    await calls.recordCall(call(tenantId, { durationSec: -500 }));
    await calls.recordCall(call(tenantId, { durationSec: Number.NaN }));
    await calls.recordCall(call(tenantId, { durationSec: 10.6 }));
    await calls.recordCall(call(tenantId, { durationSec: 1e12 }));
    expect(await seconds(tenantId, '2026-03')).toBe(90 + 10 + 86_400);
    const logged = await forTenant(t.deps.db, tenantId).call.findMany({ select: { durationSec: true } });
    expect(logged.map((row) => row.durationSec).sort((a, b) => a - b)).toEqual([0, 0, 10, 90, 86_400]);
  });
});
