import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagingActivities } from '../activities/messaging.ts';
import { stripeCredentials } from '../domain/stripe-credentials.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { billingFixtures } from './billing-fixtures.ts';
import { createSmsTenant, randomPhone } from './sms-fixtures.ts';
import { uniqueId } from './stack.ts';

// A test app that asks for no fakes is still a working product: nothing serves the sandboxes
// mounted in its API, so Twilio and Stripe are local fakes under the sandbox account. Billing
// workflows and texts settle instead of retrying against http://localhost:3000 for ever.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { durations, startTenant } = billingFixtures(() => t);

describe('createTestApp without fakes', () => {
  it('stays in sandbox mode, with the sandbox account', () => {
    expect(twilioCredentials(t.deps.config, t.deps.masterKey).sandbox).toBe(true);
    expect(stripeCredentials(t.deps.config, t.deps.masterKey).sandbox).toBe(true);
    expect(t.twilio.accountSid).toBe(twilioCredentials(t.deps.config, t.deps.masterKey).accountSid);
    expect(t.stripe.secretKey).toBe(stripeCredentials(t.deps.config, t.deps.masterKey).secretKey);
  });

  it('a tenant’s billing life reaches Stripe: the customer and subscription exist', async () => {
    const { customerId, subscriptionId } = await startTenant('trialing', durations());
    expect(t.stripe.customers().map((c) => c.id)).toContain(customerId);
    expect(t.stripe.subscriptions().find((s) => s.id === subscriptionId)).toMatchObject({ status: 'trialing' });
  });

  it('a text is sent', async () => {
    const { tenantId } = await createSmsTenant(t);
    const to = randomPhone();
    const sent = await createMessagingActivities(t.deps).sendSms({ tenantId, to, body: 'Your detail is done', idempotencyKey: uniqueId('k'), kind: 'reply' });
    expect(sent.status).toBe('sent');
    expect(t.twilio.messages().filter((m) => m.to === to).map((m) => m.body)).toEqual(['Your detail is done']);
  });

  it('asking for a fake it does not have says what to ask for', () => {
    expect(() => t.smtp).toThrow(/createTestApp\(\{ fakes: \['smtp'\] \}\)/);
  });
});
