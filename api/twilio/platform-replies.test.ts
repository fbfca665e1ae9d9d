import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagingActivities } from '../../activities/messaging.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createSmsTenant, inboundParams, postInboundSms, randomPhone } from '../../tests/sms-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';

// While a business waits for carrier registration its texts go from the platform number, which
// many businesses share: a customer's reply to it reaches the business that last texted them from
// it, not whoever owns the number. Nothing the customer writes back is lost.

let t: TestApp;
const PLATFORM = randomPhone();
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'], env: { PLATFORM_SMS_NUMBER: PLATFORM } });
});
afterAll(async () => t?.close());

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
    await postInboundSms(t, inboundParams(customer, PLATFORM, 'Great, thanks!'));
    await expect.poll(async () => (await inbound(second.tenantId)).map((m) => m.body), { timeout: 15_000 }).toEqual(['Great, thanks!']);
    expect((await inbound(first.tenantId)).map((m) => m.body)).toEqual(['Can we make it 10?']);
  });

  it('a reply from someone no business texted from it goes where the number belongs (no business here: ignored, as before)', async () => {
    const stranger = randomPhone();
    expect((await postInboundSms(t, inboundParams(stranger, PLATFORM, 'Who is this?'))).status).toBe(200);
  });
});
