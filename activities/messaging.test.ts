import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { createSmsTenant, randomPhone } from '../tests/sms-fixtures.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { uniqueId } from '../tests/stack.ts';
import { createMessagingActivities } from './messaging.ts';
import { createTwilioClient } from './twilio-client.ts';

// sendSms called directly (as the worker would) against the real database and the Twilio fake.

let t: TestApp;
let acts: ReturnType<typeof createMessagingActivities>;
let twilioClient: ReturnType<typeof createTwilioClient>;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
  acts = createMessagingActivities(t.deps);
  twilioClient = createTwilioClient(t.deps.config, t.deps.masterKey);
});
afterAll(async () => t?.close());

const sentTo = (to: string) => t.twilio.messages().filter((m) => m.to === to);
const row = (tenantId: string, idempotencyKey: string) => forTenant(t.deps.db, tenantId).message.findFirstOrThrow({ where: { idempotencyKey } });
const usage = async (tenantId: string) => (await forTenant(t.deps.db, tenantId).usageCounter.findFirst({ where: { period: new Date().toISOString().slice(0, 7) } }))?.smsSegments ?? 0;
// 03:30 UTC in January is 21:30 in Chicago (quiet); 18:00 UTC is noon there.
const NIGHT = '2026-01-15T03:30:00Z';
const NOON = '2026-01-15T18:00:00Z';
// Three seconds before quiet hours end in Chicago (08:00 CST = 14:00 UTC): a real, short hold.
const ALMOST_MORNING = '2026-01-15T13:59:57Z';
const MORNING = '2026-01-15T14:00:00.000Z';
const stored = (tenantId: string, id: string) => forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id } });
/** sendSms with other platform settings (the worker's own activities keep the defaults). */
const actsWith = (config: Partial<typeof t.deps.config>) => createMessagingActivities({ ...t.deps, config: { ...t.deps.config, ...config } });

describe('sendSms', () => {
  it('sends from the tenant number, stores the outbox row and counts segments into the month', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const to = randomPhone();
    const result = await acts.sendSms({ tenantId, to, body: 'Your groomer is on the way!', idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect(result).toMatchObject({ status: 'sent', segments: 1 });
    expect(sentTo(to)).toEqual([expect.objectContaining({ from: number, body: 'Your groomer is on the way!' })]);
    const stored = await forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(stored).toMatchObject({ direction: 'outbound', status: 'sent', fromNumber: number, toNumber: to, providerSid: sentTo(to)[0]!.sid, segments: 1 });
    expect(stored.sentAt).toBeInstanceOf(Date);
    expect(await usage(tenantId)).toBe(1);
  });

  it('a repeated call with the same key sends once and counts once', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    const input = { tenantId, to, body: 'Booked for Friday 10am.', idempotencyKey: uniqueId('k'), kind: 'reply' as const };
    const first = await acts.sendSms(input);
    const again = await Promise.all([acts.sendSms(input), acts.sendSms(input)]);
    expect(again.map((r) => r.messageId)).toEqual([first.messageId, first.messageId]);
    expect(again.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(sentTo(to)).toHaveLength(1);
    expect(await usage(tenantId)).toBe(1);
  });

  it("a new month's first texts sent at once all count: the usage row is created once, not raced", async () => {
    const { tenantId } = await createSmsTenant(t);
    const sends = Array.from({ length: 12 }, (_, i) => acts.sendSms({ tenantId, to: randomPhone(), body: `Booked, see you soon ${i}`, idempotencyKey: uniqueId('k'), kind: 'reply' }));
    const results = await Promise.allSettled(sends);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await usage(tenantId)).toBe(12);
  });

  it('after a Twilio 500 the row stays queued, and the retry sends exactly once', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    const input = { tenantId, to, body: 'Reminder: pickup at 5pm', idempotencyKey: uniqueId('k'), kind: 'automation' as const, now: NOON };
    t.twilio.failNext(1, { to });
    await expect(acts.sendSms(input)).rejects.toMatchObject({ status: 500 });
    expect(await row(tenantId, input.idempotencyKey)).toMatchObject({ status: 'queued' });
    expect(await usage(tenantId)).toBe(0);
    await expect(acts.sendSms(input)).resolves.toMatchObject({ status: 'sent' });
    expect(sentTo(to)).toHaveLength(1);
    expect(await usage(tenantId)).toBe(1);
  });

  it('counts unicode segments (UCS-2: 70 per single text, 67 per part)', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    const body = `Thanks for visiting! 🐶✨ ${'See you soon. '.repeat(8)}`; // 137 UTF-16 units in UCS-2: more than 2 × 67
    const result = await acts.sendSms({ tenantId, to, body, idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect(result).toMatchObject({ status: 'sent', segments: 3 });
    await acts.sendSms({ tenantId, to, body: 'a'.repeat(161), idempotencyKey: uniqueId('k'), kind: 'reply' }); // GSM-7, 2 segments
    expect(await usage(tenantId)).toBe(5);
  });

  it('does not send to an opted-out number, and does not count it', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    await acts.setOptOut({ tenantId, phone: to });
    const result = await acts.sendSms({ tenantId, to, body: 'Spring special!', idempotencyKey: uniqueId('k'), kind: 'automation', now: NOON });
    expect(result.status).toBe('blocked_opt_out');
    expect(sentTo(to)).toHaveLength(0);
    expect(await usage(tenantId)).toBe(0);

    await acts.clearOptOut({ tenantId, phone: to });
    expect((await acts.sendSms({ tenantId, to, body: 'Spring special!', idempotencyKey: uniqueId('k'), kind: 'automation', now: NOON })).status).toBe('sent');
  });

  it('holds automations during quiet hours in the tenant time zone, but not replies or owner alerts', async () => {
    const { tenantId } = await createSmsTenant(t, { timeZone: 'America/Chicago' });
    const to = randomPhone();
    const automation = await acts.sendSms({ tenantId, to, body: 'We missed your call!', idempotencyKey: uniqueId('k'), kind: 'automation', now: NIGHT });
    expect(automation.status).toBe('blocked_quiet_hours');
    expect(sentTo(to)).toHaveLength(0);
    expect((await acts.sendSms({ tenantId, to, body: 'Got it, see you at 9.', idempotencyKey: uniqueId('k'), kind: 'reply', now: NIGHT })).status).toBe('sent');
    expect((await acts.sendSms({ tenantId, to, body: 'New voicemail', idempotencyKey: uniqueId('k'), kind: 'owner-alert', now: NIGHT })).status).toBe('sent');

    // The same instant is daytime in a tenant on the US west coast.
    const west = await createSmsTenant(t, { timeZone: 'America/Los_Angeles' });
    expect((await acts.sendSms({ tenantId: west.tenantId, to, body: 'We missed your call!', idempotencyKey: uniqueId('k'), kind: 'automation', now: NIGHT })).status).toBe('sent');
  });

  it('a retried attempt finds the text an earlier attempt got to Twilio before its worker died, and does not send it again', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const to = randomPhone();
    const input = { tenantId, to, body: 'Your appointment is confirmed.', idempotencyKey: uniqueId('k'), kind: 'reply' as const };
    // The first attempt wrote its outbox row and Twilio accepted the text; then the worker died.
    await forTenant(t.deps.db, tenantId).message.create({ data: { direction: 'outbound', idempotencyKey: input.idempotencyKey, fromNumber: number, toNumber: to, body: input.body, status: 'queued' } });
    const accepted = await twilioClient.messages.create({ to, from: number, body: input.body });

    const retried = (await new MockActivityEnvironment({ attempt: 2 }).run(acts.sendSms, input)) as Awaited<ReturnType<typeof acts.sendSms>>;
    expect(retried.status).toBe('sent');
    expect(sentTo(to)).toHaveLength(1);
    expect(await row(tenantId, input.idempotencyKey)).toMatchObject({ status: 'sent', providerSid: accepted.sid });
    expect(await usage(tenantId)).toBe(1);
  });

  it('a campaign text needs a plan with campaigns: on Starter it is held back with the plan that unlocks it', async () => {
    const { tenantId } = await createSmsTenant(t);
    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { tier: 'starter', status: 'active' } });
    const to = randomPhone();
    const held = await acts.sendSms({ tenantId, to, body: 'Spring special: 20% off!', idempotencyKey: uniqueId('k'), kind: 'campaign', now: NOON });
    expect(held.status).toBe('cancelled');
    expect((await forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id: held.messageId } })).error).toBe('Campaigns is part of the Pro plan — upgrade to use it.');
    expect(sentTo(to)).toHaveLength(0);
  });

  it('past due stops campaigns but not automations; suspended stops both; replies and owner alerts still go', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    const send = (kind: 'campaign' | 'automation' | 'reply' | 'owner-alert') => acts.sendSms({ tenantId, to, body: `${kind} text`, idempotencyKey: uniqueId('k'), kind, now: NOON });

    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { status: 'past_due' } });
    const campaign = await send('campaign');
    expect(campaign.status).toBe('cancelled');
    expect((await forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id: campaign.messageId } })).error).toMatch(/Campaigns are paused/);
    expect((await send('automation')).status).toBe('sent');

    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { status: 'suspended' } });
    expect((await send('automation')).status).toBe('cancelled');
    expect((await send('campaign')).status).toBe('cancelled');
    expect((await send('reply')).status).toBe('sent');
    expect((await send('owner-alert')).status).toBe('sent');
    expect(sentTo(to).map((m) => m.body)).toEqual(['automation text', 'reply text', 'owner-alert text']);
  });

  it('a number Twilio rejects fails for good: stored as failed, non-retryable, never re-sent', async () => {
    const { tenantId } = await createSmsTenant(t);
    const input = { tenantId, to: '+1555', body: 'hello', idempotencyKey: uniqueId('k'), kind: 'reply' as const };
    const attempts = t.twilio.attempts();
    const error = await acts.sendSms(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ nonRetryable: true, type: 'TwilioRejected' });
    expect(await row(tenantId, input.idempotencyKey)).toMatchObject({ status: 'failed', error: expect.stringContaining('21211') });
    await expect(acts.sendSms(input)).resolves.toMatchObject({ status: 'failed' });
    expect(t.twilio.attempts()).toBe(attempts + 1);
  });

  it('refuses a body longer than Twilio\'s 1,600 characters: failed for good, nothing sent, the row keeps the first 1,600', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    const input = { tenantId, to, body: 'y'.repeat(5_000), idempotencyKey: uniqueId('k'), kind: 'reply' as const };
    const error = await acts.sendSms(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ nonRetryable: true, type: 'TextTooLong' });
    const stored = await row(tenantId, input.idempotencyKey);
    expect(stored).toMatchObject({ status: 'failed', body: 'y'.repeat(1_600), error: 'Not sent: the text has 5,000 characters and Twilio takes at most 1,600; shorten it.' });
    expect(sentTo(to)).toHaveLength(0);
  });

  it('cancelQueuedTexts cancels only queued outbound texts to that number', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const to = randomPhone();
    const tenantDb = forTenant(t.deps.db, tenantId);
    const base = { direction: 'outbound' as const, fromNumber: number, body: 'x' };
    await tenantDb.message.createMany({
      data: [
        { ...base, idempotencyKey: uniqueId('q1'), toNumber: to, status: 'queued' },
        { ...base, idempotencyKey: uniqueId('q2'), toNumber: to, status: 'queued' },
        { ...base, idempotencyKey: uniqueId('s'), toNumber: to, status: 'sent' },
        { ...base, idempotencyKey: uniqueId('o'), toNumber: randomPhone(), status: 'queued' },
      ],
    });
    expect(await acts.cancelQueuedTexts({ tenantId, phone: to })).toBe(2);
    const statuses = (await tenantDb.message.findMany({ where: { body: 'x' }, orderBy: { idempotencyKey: 'asc' } })).map((m) => `${m.toNumber === to ? 'to' : 'other'}:${m.status}`).sort();
    expect(statuses).toEqual(['other:queued', 'to:cancelled', 'to:cancelled', 'to:sent']);
  });

  it('a tenant with a messaging service sends through it instead of a From number', async () => {
    const { tenantId } = await createSmsTenant(t);
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId }, data: { messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' } });
    const to = randomPhone();
    await acts.sendSms({ tenantId, to, body: 'hi', idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect(sentTo(to)).toEqual([expect.objectContaining({ from: null, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' })]);
  });

  it('never texts a number outside the allowed countries, a premium-rate, satellite or personal number, or the business itself: blocked_destination, with why', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const cases: [string, RegExp][] = [
      ['+9611234567', /^Not sent: this number is a number in Lebanon; ServicePro texts and calls only numbers in United States and Canada\.$/],
      ['+447012345678', /is a number in United Kingdom/],
      ['+882123456789', /is a satellite or international-network number \(\+882\)/],
      ['+19005551234', /is a premium-rate number/],
      ['+12129761234', /is a premium-rate number/],
      [number, /is this business's own number/],
    ];
    for (const kind of ['reply', 'keyword', 'auto-reply', 'automation', 'campaign', 'owner-alert'] as const) {
      for (const [to, why] of cases) {
        const result = await acts.sendSms({ tenantId, to, body: 'Thanks for calling!', idempotencyKey: uniqueId('k'), kind, now: NOON });
        expect(result.status, `${kind} to ${to}`).toBe('blocked_destination');
        expect((await stored(tenantId, result.messageId)).error, `${kind} to ${to}`).toMatch(why);
      }
    }
    expect(t.twilio.messages().filter((m) => cases.some(([to]) => m.to === to))).toEqual([]);
    expect(await usage(tenantId)).toBe(0);
  });

  it("the allowed countries come from the platform (SMS_ALLOWED_COUNTRIES), and a tenant's own list only narrows them", async () => {
    const { tenantId } = await createSmsTenant(t);
    const canada = '+16135550123';
    const uk = '+447400123456';
    const withUk = actsWith({ SMS_ALLOWED_COUNTRIES: ['US', 'CA', 'GB'] });
    expect((await withUk.sendSms({ tenantId, to: uk, body: 'Hello from Tulsa', idempotencyKey: uniqueId('k'), kind: 'reply' })).status).toBe('sent');
    expect((await acts.sendSms({ tenantId, to: uk, body: 'Hello from Tulsa', idempotencyKey: uniqueId('k'), kind: 'reply' })).status).toBe('blocked_destination');

    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId }, data: { allowedCountries: ['US', 'GB'] } });
    expect((await acts.sendSms({ tenantId, to: canada, body: 'Hi', idempotencyKey: uniqueId('k'), kind: 'reply' })).status).toBe('blocked_destination');
    expect((await acts.sendSms({ tenantId, to: uk, body: 'Hi', idempotencyKey: uniqueId('k'), kind: 'reply' })).status).toBe('blocked_destination'); // GB is not the platform's
    expect((await withUk.sendSms({ tenantId, to: uk, body: 'Hi again', idempotencyKey: uniqueId('k'), kind: 'reply' })).status).toBe('sent');
    expect((await acts.sendSms({ tenantId, to: randomPhone(), body: 'Hi', idempotencyKey: uniqueId('k'), kind: 'reply' })).status).toBe('sent');
  });

  it('limits automatic texts to one number per hour and per day, counted from the outbox; keyword answers and owner alerts still go', async () => {
    const { tenantId } = await createSmsTenant(t);
    const limited = actsWith({ SMS_AUTO_TEXTS_PER_NUMBER_HOUR: 2, SMS_AUTO_TEXTS_PER_NUMBER_DAY: 3 });
    const caller = randomPhone();
    const send = (kind: 'reply' | 'auto-reply' | 'automation' | 'keyword' | 'owner-alert', to = caller) =>
      limited.sendSms({ tenantId, to, body: `${kind} text`, idempotencyKey: uniqueId('k'), kind, now: NOON });

    expect((await send('reply')).status).toBe('sent'); // the info text after pressing 1
    expect((await send('automation')).status).toBe('sent'); // the missed-call text
    const third = await send('auto-reply');
    expect(third.status).toBe('cancelled');
    expect((await stored(tenantId, third.messageId)).error).toBe('Not sent: this number already got 2 automatic texts from this business in the last hour (a guard against SMS pumping).');
    expect((await send('keyword')).status).toBe('sent');
    expect((await send('owner-alert')).status).toBe('sent');
    expect((await send('reply', randomPhone())).status).toBe('sent'); // another caller has a budget of their own

    // An hour later the hourly budget is back, but the day's (3) runs out after one more.
    const tenantDb = forTenant(t.deps.db, tenantId);
    await tenantDb.message.updateMany({ where: { toNumber: caller }, data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    expect((await send('reply')).status).toBe('sent');
    const fifth = await send('reply');
    expect(fifth.status).toBe('cancelled');
    expect((await stored(tenantId, fifth.messageId)).error).toBe('Not sent: this number already got 3 automatic texts from this business in the last 24 hours (a guard against SMS pumping).');
    expect(sentTo(caller).map((m) => m.body)).toEqual(['reply text', 'automation text', 'keyword text', 'owner-alert text', 'reply text']);
  });

  it('SMS automations are a Pro feature: on Starter the missed-call text and the auto-reply are cancelled naming the plan; replies, keyword answers and owner alerts go', async () => {
    const { tenantId } = await createSmsTenant(t);
    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { tier: 'starter', status: 'active' } });
    const to = randomPhone();
    for (const kind of ['automation', 'auto-reply'] as const) {
      const result = await acts.sendSms({ tenantId, to, body: 'Sorry we missed your call!', idempotencyKey: uniqueId('k'), kind, now: NOON });
      expect(result.status, kind).toBe('cancelled');
      expect((await stored(tenantId, result.messageId)).error).toBe('SMS automations is part of the Pro plan — upgrade to use it.');
    }
    for (const kind of ['reply', 'keyword', 'owner-alert'] as const) {
      expect((await acts.sendSms({ tenantId, to, body: `${kind} text`, idempotencyKey: uniqueId('k'), kind, now: NOON })).status, kind).toBe('sent');
    }
    expect(sentTo(to)).toHaveLength(3);
  });

  it('a text held by quiet hours goes out when they end: a durable timer in held-text:<tenantId>:<messageId>', async () => {
    const { tenantId } = await createSmsTenant(t, { timeZone: 'America/Chicago' });
    const to = randomPhone();
    const held = await acts.sendSms({ tenantId, to, body: 'Reminder: your appointment is today.', idempotencyKey: uniqueId('k'), kind: 'automation', now: ALMOST_MORNING });
    expect(held).toMatchObject({ status: 'blocked_quiet_hours', heldUntil: MORNING });
    expect(await stored(tenantId, held.messageId)).toMatchObject({ status: 'blocked_quiet_hours', heldUntil: new Date(MORNING) });
    expect(sentTo(to)).toHaveLength(0);

    const workflow = t.deps.temporal.workflow.getHandle(workflowIds.heldText(tenantId, held.messageId));
    const description = await workflow.describe();
    expect(description.type).toBe('heldTextWorkflow');
    expect(description.searchAttributes.TenantId).toEqual([tenantId]);
    await expect(workflow.result()).resolves.toBe('sent');
    expect(await stored(tenantId, held.messageId)).toMatchObject({ status: 'sent', sentAt: expect.any(Date) });
    expect(sentTo(to).map((m) => m.body)).toEqual(['Reminder: your appointment is today.']);
    expect(await usage(tenantId)).toBe(1);

    // The same text asked for again (a retried activity) is the same row: nothing more is sent.
    expect((await acts.sendSms({ tenantId, to, body: 'Reminder: your appointment is today.', idempotencyKey: (await stored(tenantId, held.messageId)).idempotencyKey, kind: 'automation', now: ALMOST_MORNING })).status).toBe('sent');
    expect(sentTo(to)).toHaveLength(1);
  });

  it('when quiet hours end every rule is checked again: an opt-out or a suspension meanwhile keeps the held text from going', async () => {
    const optedOut = await createSmsTenant(t);
    const to = randomPhone();
    const first = await acts.sendSms({ tenantId: optedOut.tenantId, to, body: 'Spring special!', idempotencyKey: uniqueId('k'), kind: 'campaign', now: ALMOST_MORNING });
    await acts.setOptOut({ tenantId: optedOut.tenantId, phone: to });
    const suspended = await createSmsTenant(t);
    const second = await acts.sendSms({ tenantId: suspended.tenantId, to, body: 'We missed your call!', idempotencyKey: uniqueId('k'), kind: 'automation', now: ALMOST_MORNING });
    await t.deps.db.tenantConfig.update({ where: { tenantId: suspended.tenantId }, data: { status: 'suspended' } });

    await expect(t.deps.temporal.workflow.getHandle(workflowIds.heldText(optedOut.tenantId, first.messageId)).result()).resolves.toBe('blocked_opt_out');
    await expect(t.deps.temporal.workflow.getHandle(workflowIds.heldText(suspended.tenantId, second.messageId)).result()).resolves.toBe('cancelled');
    expect((await forTenant(t.deps.db, suspended.tenantId).message.findUniqueOrThrow({ where: { id: second.messageId } })).error).toMatch(/Automations are paused/);
    expect(sentTo(to)).toHaveLength(0);
  });

  it('a STOP while a text is held cancels the text and its timer', async () => {
    const { tenantId } = await createSmsTenant(t, { timeZone: 'America/Chicago' });
    const to = randomPhone();
    const held = await acts.sendSms({ tenantId, to, body: 'We missed your call!', idempotencyKey: uniqueId('k'), kind: 'automation', now: NIGHT });
    expect(held).toMatchObject({ status: 'blocked_quiet_hours', heldUntil: '2026-01-15T14:00:00.000Z' }); // 21:30 → 08:00 the next morning
    const workflow = t.deps.temporal.workflow.getHandle(workflowIds.heldText(tenantId, held.messageId));
    expect((await workflow.describe()).status.name).toBe('RUNNING');

    expect(await acts.cancelQueuedTexts({ tenantId, phone: to })).toBe(1);
    expect(await stored(tenantId, held.messageId)).toMatchObject({ status: 'cancelled', error: 'Cancelled: the recipient opted out.' });
    await expect.poll(async () => (await workflow.describe()).status.name, { timeout: 15_000 }).toBe('CANCELLED');
    expect(sentTo(to)).toHaveLength(0);
  });
});
