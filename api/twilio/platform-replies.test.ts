import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagingActivities } from '../../activities/messaging.ts';
import { createPrismaClient, type PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { freePort } from '../../scripts/ports.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createSmsTenant, inboundParams, postInboundSms, randomPhone } from '../../tests/sms-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { postTwilio } from '../../tests/twilio-post.ts';
import { createApp } from '../app.ts';

// While a business waits for carrier registration its texts go from the platform number, which
// many businesses share: a customer's reply to it reaches the business that last texted them from
// it, not whoever owns the number. Nothing the customer writes back is lost.

let t: TestApp;
let deadDb: PrismaClient;
const PLATFORM = randomPhone();
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'], env: { PLATFORM_SMS_NUMBER: PLATFORM } });
  deadDb = createPrismaClient(`postgresql://servicepro_app:nothing@127.0.0.1:${await freePort()}/servicepro`);
});
afterAll(async () => {
  await deadDb?.$disconnect();
  await t?.close();
});

const inbound = (tenantId: string) => forTenant(t.deps.db, tenantId).message.findMany({ where: { direction: 'inbound' } });

async function registeringBusiness() {
  const business = await createSmsTenant(t);
  await t.deps.db.carrierRegistration.create({ data: { tenantId: business.tenantId, state: 'campaign_review' } });
  return business;
}

describe('replies to the platform number', () => {
  it('go to the business that last texted that customer from it', async () => {
    const [first, second] = [await registeringBusiness(), await registeringBusiness()];
    const customer = randomPhone();
    const sms = createMessagingActivities(t.deps);
    await sms.sendSms({ tenantId: first.tenantId, to: customer, body: 'Your wash is tomorrow at 9.', idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect(t.twilio.messages().filter((m) => m.to === customer).map((m) => m.from)).toEqual([PLATFORM]);

    expect((await postInboundSms(t, inboundParams(customer, PLATFORM, 'Can we make it 10?'))).status).toBe(200);
    await expect.poll(async () => (await inbound(first.tenantId)).map((m) => [m.body, m.fromNumber, m.toNumber]), { timeout: 15_000 }).toEqual([['Can we make it 10?', customer, PLATFORM]]);

    // Another business texts the same customer from the platform number: the next reply is its.
    await sms.sendSms({ tenantId: second.tenantId, to: customer, body: 'Your lawn is booked for Friday.', idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect((await postInboundSms(t, inboundParams(customer, PLATFORM, 'Great, thanks!'))).status).toBe(200);
    // On a loaded machine the webhook may miss its deadline and hand the text to Temporal: it still lands here.
    await expect.poll(async () => (await inbound(second.tenantId)).map((m) => m.body), { timeout: 30_000 }).toEqual(['Great, thanks!']);
    expect((await inbound(first.tenantId)).map((m) => m.body)).toEqual(['Can we make it 10?']);
  });

  it('a reply the API could not route (its database down) is kept, and reaches the business that last texted that customer', async () => {
    const business = await registeringBusiness();
    const customer = randomPhone();
    await createMessagingActivities(t.deps).sendSms({ tenantId: business.tenantId, to: customer, body: 'Your groom is at 2.', idempotencyKey: uniqueId('k'), kind: 'reply' });
    // No business owns the platform number here: the kept text can only find its business by the route.
    const dbDown = createApp({ ...t.deps, db: deadDb });
    const answer = await postTwilio(dbDown, t.deps, '/twilio/sms/incoming', inboundParams(customer, PLATFORM, 'Running 10 min late'));
    expect(answer.status).toBe(200);
    await expect.poll(async () => (await inbound(business.tenantId)).map((m) => [m.body, m.fromNumber]), { timeout: 20_000 }).toEqual([['Running 10 min late', customer]]);
  });

  it('a reply from someone no business texted from it goes where the number belongs (no business here: ignored, as before)', async () => {
    const stranger = randomPhone();
    expect((await postInboundSms(t, inboundParams(stranger, PLATFORM, 'Who is this?'))).status).toBe(200);
  });
});
