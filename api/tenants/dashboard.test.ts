// A business's home page in one answer: today's calls on the business's own clock, new voicemail,
// texts nobody has answered, the trial or billing trouble, and the setup steps not done yet — all
// from real rows, and none of another tenant's.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

let t: TestApp;
let owner: string;
let a: { id: string; phoneNumber: string | null };
let b: { id: string; phoneNumber: string | null };

// Far from UTC on purpose: Honolulu's midnight is 10:00 UTC, so a day counted in UTC would be wrong.
const ZONE = 'Pacific/Honolulu';
const localMidnight = () => DateTime.now().setZone(ZONE).startOf('day');

interface Dashboard {
  timeZone: string;
  today: { date: string; start: string; end: string };
  calls: { total: number; answered: number; missed: number; voicemail: number; latest: { callSid: string; callerName: string | null; outcome: string; startedAt: string }[] };
  voicemail: { unlistened: number; latest: { callSid: string; callerName: string | null }[] };
  texts: { waiting: number; latest: { counterpart: string; customerName: string | null; body: string; receivedAt: string }[] };
  account: { status: string; tier: string; billed: boolean; trialEndsAt: string | null; trialDaysLeft: number | null; hasPaymentMethod: boolean; closedAt: string | null };
  setup: { step: string; done: boolean }[];
}
const dashboardOf = async (tenantId: string, token = owner) => {
  const r = await t.call('GET', `/api/tenants/${tenantId}/dashboard`, { token });
  expect(r.status).toBe(200);
  return ((await r.json()) as { dashboard: Dashboard }).dashboard;
};

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
  a = await createTenant(t, owner, 'pro');
  b = await createTenant(t, owner, 'pro');
  await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: a.id }, data: { timeZone: ZONE } });

  const adb = forTenant(t.deps.db, a.id);
  await adb.customer.create({ data: { name: 'Ana Lopez', phone: '+19185550201' } });
  const midnight = localMidnight();
  const call = (sid: string, at: DateTime, outcome: 'answered' | 'voicemail' | 'missed' | 'abandoned', from = '+19185550299') => ({
    callSid: sid, fromNumber: from, toNumber: a.phoneNumber!, startedAt: at.toJSDate(), endedAt: at.plus({ seconds: 30 }).toJSDate(), durationSec: 30, outcome,
  });
  await adb.call.createMany({
    data: [
      call('CA-yesterday-late', midnight.minus({ minutes: 1 }), 'answered'), // 23:59 yesterday, local
      call('CA-today-early', midnight.plus({ minutes: 1 }), 'missed', '+19185550201'), // 00:01 today, local
      call('CA-today-2', midnight.plus({ minutes: 2 }), 'answered'),
      call('CA-today-3', midnight.plus({ minutes: 3 }), 'voicemail'),
      call('CA-today-4', midnight.plus({ minutes: 4 }), 'answered'),
      call('CA-today-5', midnight.plus({ minutes: 5 }), 'abandoned'),
      call('CA-today-6', midnight.plus({ minutes: 6 }), 'answered'),
      call('CA-tomorrow', midnight.plus({ days: 1, minutes: 1 }), 'answered'),
    ],
  });
  await adb.voicemail.createMany({
    data: [
      { callSid: 'CA-today-3', recordingSid: 'RE-1', recordingUrl: 'https://api.twilio.com/rec/1', fromNumber: '+19185550201', listenedAt: null },
      { callSid: 'CA-old', recordingSid: 'RE-2', recordingUrl: 'https://api.twilio.com/rec/2', fromNumber: '+19185550299', listenedAt: new Date() },
    ],
  });
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const inbound = (key: string, from: string, body: string, ago: number) => ({ direction: 'inbound' as const, idempotencyKey: key, fromNumber: from, toNumber: a.phoneNumber!, body, status: 'received' as const, createdAt: at(ago) });
  const outbound = (key: string, to: string, body: string, ago: number, kind: string | null) => ({ direction: 'outbound' as const, idempotencyKey: key, fromNumber: a.phoneNumber!, toNumber: to, body, status: 'sent' as const, kind, createdAt: at(ago) });
  await adb.message.createMany({
    data: [
      // Ana asked twice; only the automatic answer followed: she is waiting (her latest text shows).
      inbound('ana-1', '+19185550201', 'Do you do boats?', 50),
      inbound('ana-2', '+19185550201', 'Hello? Boats?', 40),
      outbound('ana-auto', '+19185550201', 'Thanks for texting!', 39, 'auto-reply'),
      // Ben was answered by a person after his text: not waiting.
      inbound('ben-1', '+19185550202', 'Are you open Sunday?', 30),
      outbound('ben-reply', '+19185550202', 'Yes, 9 to 3.', 20, 'reply'),
      // Cy texted after the answer he got: waiting again.
      outbound('cy-reply', '+19185550203', 'See you then', 25, 'reply'),
      inbound('cy-1', '+19185550203', 'Running 10 min late', 10),
      // Dee only texted STOP: nothing to answer.
      inbound('dee-stop', '+19185550204', 'Stop', 5),
      // Eve's unanswered text is 31 days old: history, not someone waiting (WAITING_WINDOW_DAYS).
      inbound('eve-old', '+19185550205', 'Still there?', 31 * 24 * 60),
      outbound('dee-keyword', '+19185550204', 'You are unsubscribed', 5, 'keyword'),
    ],
  });

  // Another business's rows never show.
  const bdb = forTenant(t.deps.db, b.id);
  await bdb.call.create({ data: { callSid: 'CA-b', fromNumber: '+19185550201', toNumber: b.phoneNumber!, startedAt: new Date(), outcome: 'missed' } });
  await bdb.voicemail.create({ data: { callSid: 'CA-b', recordingSid: 'RE-b', recordingUrl: 'https://api.twilio.com/rec/b', fromNumber: '+19185550201' } });
  await bdb.message.create({ data: inbound('b-in', '+19185550299', 'B only', 1) });
});
afterAll(async () => t?.close());

describe('GET /api/tenants/:tenantId/dashboard', () => {
  it("counts today's calls on the business's clock: 00:01 local is today, 23:59 the evening before is not", async () => {
    const dashboard = await dashboardOf(a.id);
    expect(dashboard.timeZone).toBe(ZONE);
    expect(dashboard.today.date).toBe(localMidnight().toISODate());
    expect(dashboard.today.start).toBe(localMidnight().toUTC().toISO());
    expect(dashboard.calls).toMatchObject({ total: 6, answered: 3, missed: 3, voicemail: 1 });
    // The latest few of today, newest first, callers by name when known.
    expect(dashboard.calls.latest.map((c) => c.callSid)).toEqual(['CA-today-6', 'CA-today-5', 'CA-today-4', 'CA-today-3', 'CA-today-2']);
  });

  it('new voicemail: the unlistened count and the latest unlistened, with the caller by name', async () => {
    const { voicemail } = await dashboardOf(a.id);
    expect(voicemail.unlistened).toBe(1);
    expect(voicemail.latest).toEqual([expect.objectContaining({ callSid: 'CA-today-3', callerName: 'Ana Lopez' })]);
  });

  it('texts waiting for an answer: a customer whose last text has no reply from a person after it (automatic answers, STOP and month-old texts do not count)', async () => {
    const { texts } = await dashboardOf(a.id);
    expect(texts.waiting).toBe(2);
    expect(texts.latest.map((m) => [m.counterpart, m.customerName, m.body])).toEqual([
      ['+19185550203', null, 'Running 10 min late'],
      ['+19185550201', 'Ana Lopez', 'Hello? Boats?'],
    ]);
  });

  it('the trial: days left and no card yet; the setup steps say what is done and what is not', async () => {
    // The business's billing workflow writes its 14-day trial once: wait for it, or it can land after this test's trial.
    await vi.waitFor(async () => expect(await t.deps.db.tenantBilling.findUnique({ where: { tenantId: a.id } })).toMatchObject({ stripeSubscriptionId: expect.any(String) }), { timeout: 20_000, interval: 200 });
    await t.deps.db.tenantBilling.upsert({
      where: { tenantId: a.id },
      create: { tenantId: a.id, trialEndsAt: new Date(Date.now() + 2.5 * 86_400_000), hasPaymentMethod: false },
      update: { trialEndsAt: new Date(Date.now() + 2.5 * 86_400_000), hasPaymentMethod: false },
    });
    await t.deps.db.tenantConfig.update({ where: { tenantId: a.id }, data: { status: 'trialing' } });
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: a.id }, data: { forwardingNumber: null, greetingText: null } });
    const { account, setup } = await dashboardOf(a.id);
    expect(account).toMatchObject({ status: 'trialing', tier: 'pro', billed: true, trialDaysLeft: 3, hasPaymentMethod: false, closedAt: null });
    expect(setup).toEqual([
      { step: 'number', done: true },
      { step: 'forwarding', done: false },
      { step: 'greeting', done: false },
      { step: 'card', done: false },
    ]);

    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: a.id }, data: { forwardingNumber: '+19185550111', greetingText: 'Thanks for calling!' } });
    await t.deps.db.tenantBilling.update({ where: { tenantId: a.id }, data: { hasPaymentMethod: true } });
    expect((await dashboardOf(a.id)).setup.every((s) => s.done)).toBe(true);
  });

  it('billing trouble shows as the status (past due, paused); a business with no number has that step open', async () => {
    await t.deps.db.tenantConfig.update({ where: { tenantId: b.id }, data: { status: 'past_due' } });
    expect((await dashboardOf(b.id)).account).toMatchObject({ status: 'past_due', trialDaysLeft: null });
    const c = await createTenant(t, owner, 'starter', { withNumber: false });
    const dashboard = await dashboardOf(c.id);
    expect(dashboard.setup.find((s) => s.step === 'number')).toEqual({ step: 'number', done: false });
    // No phone settings yet: the documented default zone, and an empty day.
    expect(dashboard.timeZone).toBe('America/Chicago');
    expect(dashboard.calls).toMatchObject({ total: 0, latest: [] });
  });

  it("the root business is never billed: no card step; staff may read; another tenant's member may not (403)", async () => {
    expect((await dashboardOf('root')).setup.map((s) => s.step)).not.toContain('card');
    expect((await dashboardOf('root')).account.billed).toBe(false);
    const staff = await t.memberToken(a.id, 'staff');
    expect((await dashboardOf(a.id, staff)).calls.total).toBe(6);
    const bOwner = await t.memberToken(b.id, 'owner');
    expect((await t.call('GET', `/api/tenants/${a.id}/dashboard`, { token: bOwner })).status).toBe(403);
    const bDashboard = await dashboardOf(b.id, bOwner);
    expect([bDashboard.calls.total, bDashboard.voicemail.unlistened, bDashboard.texts.waiting]).toEqual([1, 1, 1]);
  });
});
