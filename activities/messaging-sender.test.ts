import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { createSmsTenant, randomPhone } from '../tests/sms-fixtures.ts';
import { uniqueId } from '../tests/stack.ts';
import { createMessagingActivities } from './messaging.ts';

// Which number a text goes out from while the business waits for carrier registration: the
// platform's registered number until it is approved, its own (through its Messaging Service) after;
// a business that never asked to register texts exactly as before.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => t?.close());

const PLATFORM = '+19185550199';
const acts = () => createMessagingActivities({ ...t.deps, config: { ...t.deps.config, PLATFORM_SMS_NUMBER: PLATFORM } });
const sentTo = (to: string) => t.twilio.messages().filter((m) => m.to === to);
const register = (tenantId: string, state: 'pending' | 'campaign_review' | 'action_needed' | 'approved' | 'not_started') =>
  t.deps.db.carrierRegistration.upsert({ where: { tenantId }, create: { tenantId, state }, update: { state } });
const text = (tenantId: string, to: string) => acts().sendSms({ tenantId, to, body: 'Your detailer is on the way!', idempotencyKey: uniqueId('k'), kind: 'reply' });

describe('the sender of a text during carrier registration', () => {
  it('texts from the platform number until approved (nothing dropped), from the business’s own Messaging Service after', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const to = randomPhone();
    for (const state of ['pending', 'campaign_review', 'action_needed'] as const) {
      await register(tenantId, state);
      const sent = await text(tenantId, to);
      expect(sent.status).toBe('sent');
      const row = await forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id: sent.messageId } });
      expect(row.fromNumber).toBe(PLATFORM);
    }
    expect(sentTo(to).map((m) => [m.from, m.messagingServiceSid])).toEqual([[PLATFORM, null], [PLATFORM, null], [PLATFORM, null]]);

    // Approved: the registration put its Messaging Service on the business's phone settings.
    await register(tenantId, 'approved');
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId }, data: { messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' } });
    const later = randomPhone(); // a fresh number: three automatic texts an hour is the per-number budget
    const after = await text(tenantId, later);
    expect(sentTo(later).at(-1)).toMatchObject({ from: null, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' });
    expect((await forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id: after.messageId } })).fromNumber).toBe(number);
  });

  it('a business that never asked (no row, or not_started as the migration made every existing one) texts from its own number as before', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const to = randomPhone();
    await text(tenantId, to);
    await register(tenantId, 'not_started');
    await text(tenantId, to);
    expect(sentTo(to).map((m) => m.from)).toEqual([number, number]);
  });

  it('without PLATFORM_SMS_NUMBER the platform number is root’s (ROOT_PHONE_NUMBER)', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    await register(tenantId, 'pending');
    await createMessagingActivities(t.deps).sendSms({ tenantId, to, body: 'See you at 9!', idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect(sentTo(to).map((m) => m.from)).toEqual([t.deps.config.ROOT_PHONE_NUMBER]);
  });
});
