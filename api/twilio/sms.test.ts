import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { freePort } from '../../scripts/ports.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createSmsTenant, inboundParams, postInboundSms, randomPhone } from '../../tests/sms-fixtures.ts';
import { conversationStateQuery } from '../../workflows/conversation.messages.ts';
import { createApp } from '../app.ts';
import { createMessagingActivities } from '../../activities/messaging.ts';

// The SMS webhook end to end: real API, Postgres, Temporal and worker; Twilio is the local fake,
// reached by the official SDK over HTTP.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => t?.close());

const sentTo = (to: string) => t.twilio.messages().filter((m) => m.to === to).map((m) => m.body);
const messages = (tenantId: string) => forTenant(t.deps.db, tenantId).message.findMany({ orderBy: { createdAt: 'asc' } });
const customerId = async (tenantId: string, phone: string) => (await forTenant(t.deps.db, tenantId).customer.findFirstOrThrow({ where: { phone } })).id;
const conversation = async (tenantId: string, phone: string) => t.deps.temporal.workflow.getHandle(workflowIds.conversation(tenantId, await customerId(tenantId, phone)));
/** Waits until the conversation has handled `count` texts. */
const handled = async (tenantId: string, phone: string, count: number) =>
  expect.poll(async () => (await (await conversation(tenantId, phone)).query(conversationStateQuery)).handled, { timeout: 15_000 }).toBe(count);

async function text(to: string, from: string, body: string, messageSid?: string) {
  const response = await postInboundSms(t, inboundParams(from, to, body, messageSid));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/xml');
  expect(await response.text()).toMatch(/<Response\/>$/);
  return response;
}

describe('POST /twilio/sms/incoming', () => {
  it('refuses a bad or missing signature with 403: no customer, no row, no workflow', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const customer = randomPhone();
    const params = inboundParams(customer, number, 'hello');
    expect((await postInboundSms(t, params, { signature: null })).status).toBe(403);
    expect((await postInboundSms(t, params, { authToken: 'not-the-token' })).status).toBe(403);
    expect(await forTenant(t.deps.db, tenantId).customer.count()).toBe(0);
    expect(await messages(tenantId)).toEqual([]);
    const conversations = [];
    for await (const run of t.deps.temporal.workflow.list({ query: `TenantId = '${tenantId}' AND WorkflowType = 'conversationWorkflow'` })) conversations.push(run.workflowId);
    expect(conversations).toEqual([]);
  });

  it('answers a text to a number no tenant has with an empty <Response/>', async () => {
    const response = await text(randomPhone(), randomPhone(), 'anyone there?');
    expect(response.status).toBe(200);
  });

  it('starts the conversation, stores the text, auto-replies once and tells the owner every time', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { businessName: 'Sudsy Paws', ownerNotifyPhone: owner, autoReplyText: 'Thanks for texting {business}! We reply within the hour.' });
    const customer = randomPhone();
    await text(number, customer, 'Do you have openings Saturday?');
    await handled(tenantId, customer, 1);

    const handle = await conversation(tenantId, customer);
    const description = await handle.describe();
    expect(description.type).toBe('conversationWorkflow');
    expect(description.searchAttributes.TenantId).toEqual([tenantId]);
    expect(sentTo(customer)).toEqual(['Thanks for texting Sudsy Paws! We reply within the hour.']);
    // Issue 9: the alert ends with the full address of the texts page (it opens after sign-in).
    const textsPage = `${t.deps.config.PUBLIC_BASE_URL}/t/${tenantId}/texts`;
    expect(sentTo(owner)).toEqual([`New text from ${customer}: "Do you have openings Saturday?" See it: ${textsPage}`]);

    await text(number, customer, 'Also, do you trim nails?');
    await handled(tenantId, customer, 2);
    expect(sentTo(customer)).toHaveLength(1); // once per 12 hours
    expect(sentTo(owner)).toHaveLength(2);

    const rows = await messages(tenantId);
    expect(rows.filter((m) => m.direction === 'inbound').map((m) => [m.body, m.status, m.fromNumber, m.toNumber])).toEqual([
      ['Do you have openings Saturday?', 'received', customer, number],
      ['Also, do you trim nails?', 'received', customer, number],
    ]);
    expect(rows.filter((m) => m.direction === 'outbound').every((m) => m.status === 'sent' && m.idempotencyKey.startsWith('sms:'))).toBe(true);
  });

  it('a webhook delivered twice is applied once', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner });
    const customer = randomPhone();
    const params = inboundParams(customer, number, 'Is my dog ready?');
    await Promise.all([postInboundSms(t, params), postInboundSms(t, params)]);
    await postInboundSms(t, params);
    await text(number, customer, 'Thanks!');
    await handled(tenantId, customer, 2); // the third (distinct) text is the second handled

    expect((await messages(tenantId)).filter((m) => m.direction === 'inbound')).toHaveLength(2);
    expect(sentTo(customer)).toHaveLength(1);
    expect(sentTo(owner)).toHaveLength(2);
    expect(await forTenant(t.deps.db, tenantId).customer.count()).toBe(1);
  });

  it('STOP: the confirmation goes out first, then the number is blocked and its queued texts cancelled', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { businessName: 'Sudsy Paws', ownerNotifyPhone: owner });
    const customer = randomPhone();
    // A reminder waiting for its retry (Twilio was down) when the customer opts out.
    await forTenant(t.deps.db, tenantId).message.create({ data: { direction: 'outbound', idempotencyKey: 'reminder:1', fromNumber: number, toNumber: customer, body: 'Reminder!', status: 'queued' } });

    await text(number, customer, ' Stop ');
    await handled(tenantId, customer, 1);
    expect(sentTo(customer)).toEqual(["You're unsubscribed from Sudsy Paws. Reply START to resubscribe."]);
    expect(sentTo(owner)).toEqual([]); // a keyword is not news for the owner

    const tenantDb = forTenant(t.deps.db, tenantId);
    const confirmation = await tenantDb.message.findFirstOrThrow({ where: { idempotencyKey: { endsWith: ':optout' } } });
    const optOut = await tenantDb.smsOptOut.findFirstOrThrow({ where: { phoneNumber: customer } });
    expect(confirmation.status).toBe('sent');
    expect(confirmation.sentAt!.getTime()).toBeLessThanOrEqual(optOut.optedOutAt.getTime());
    expect((await tenantDb.message.findFirstOrThrow({ where: { idempotencyKey: 'reminder:1' } })).status).toBe('cancelled');

    // Every later send to the number is blocked, and Twilio never hears of it.
    const later = await createMessagingActivities(t.deps).sendSms({ tenantId, to: customer, body: 'Spring special!', idempotencyKey: 'campaign:1', kind: 'automation' });
    expect(later.status).toBe('blocked_opt_out');
    await text(number, customer, 'hello?');
    await handled(tenantId, customer, 2);
    expect(sentTo(customer)).toHaveLength(1);
    expect(sentTo(owner)).toHaveLength(1); // the owner still hears from an opted-out customer

    // START re-enables texting, with a confirmation.
    await text(number, customer, 'start');
    await handled(tenantId, customer, 3);
    expect(await tenantDb.smsOptOut.count()).toBe(0);
    expect(sentTo(customer).at(-1)).toMatch(/^You're resubscribed to texts from Sudsy Paws/);
    const again = await createMessagingActivities(t.deps).sendSms({ tenantId, to: customer, body: 'Welcome back!', idempotencyKey: 'campaign:2', kind: 'reply' });
    expect(again.status).toBe('sent');
  });

  it('STOP while a missed-call text is held by quiet hours cancels it and its timer', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const customer = randomPhone();
    // 21:30 in Chicago: held until 08:00.
    const held = await createMessagingActivities(t.deps).sendSms({ tenantId, to: customer, body: 'Sorry we missed your call!', idempotencyKey: 'missed:1', kind: 'automation', now: '2026-01-15T03:30:00Z' });
    expect(held.status).toBe('blocked_quiet_hours');
    const timer = t.deps.temporal.workflow.getHandle(workflowIds.heldText(tenantId, held.messageId));
    expect((await timer.describe()).status.name).toBe('RUNNING');

    await text(number, customer, 'STOP');
    await handled(tenantId, customer, 1);
    expect((await forTenant(t.deps.db, tenantId).message.findUniqueOrThrow({ where: { id: held.messageId } })).status).toBe('cancelled');
    await expect.poll(async () => (await timer.describe()).status.name, { timeout: 15_000 }).toBe('CANCELLED');
    expect(sentTo(customer)).toEqual([expect.stringMatching(/^You're unsubscribed/)]);
  });

  it('HELP answers with the business name and number', async () => {
    const { tenantId, number } = await createSmsTenant(t, { businessName: 'Sudsy Paws' });
    const customer = randomPhone();
    await text(number, customer, 'help');
    await handled(tenantId, customer, 1);
    const national = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;
    expect(sentTo(customer)).toEqual([expect.stringContaining('Sudsy Paws')]);
    expect(sentTo(customer)[0]).toContain(national);
  });

  it('a polite "please stop texting me" is flagged to the owner, not an automatic opt-out', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner });
    const customer = randomPhone();
    await text(number, customer, "Please don't text me anymore, thanks");
    await handled(tenantId, customer, 1);
    expect(sentTo(owner)).toEqual([expect.stringContaining('asked not to be texted')]);
    expect(sentTo(customer)).toEqual([]); // no auto-reply to someone asking for quiet
    expect(await forTenant(t.deps.db, tenantId).smsOptOut.count()).toBe(0);
  });

  it('a Twilio 500 on the auto-reply is retried by Temporal and the reply goes out exactly once', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const customer = randomPhone();
    const attempts = t.twilio.attempts();
    t.twilio.failNext(1, { to: customer });
    await text(number, customer, 'hi there');
    await handled(tenantId, customer, 1);
    expect(sentTo(customer)).toHaveLength(1);
    expect(t.twilio.attempts() - attempts).toBe(2);
    const reply = await forTenant(t.deps.db, tenantId).message.findFirstOrThrow({ where: { idempotencyKey: { endsWith: ':autoreply' } } });
    expect(reply.status).toBe('sent');
  });

  it('a suspended tenant records texts but sends no automations; STOP is still honoured', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner, status: 'suspended' });
    const customer = randomPhone();
    await text(number, customer, 'Are you open?');
    await handled(tenantId, customer, 1);
    expect(sentTo(customer)).toEqual([]);
    expect(sentTo(owner)).toEqual([]);
    expect((await messages(tenantId)).map((m) => [m.direction, m.body])).toEqual([['inbound', 'Are you open?']]);

    await text(number, customer, 'STOP');
    await handled(tenantId, customer, 2);
    expect(sentTo(customer)).toEqual([expect.stringMatching(/^You're unsubscribed/)]);
    expect(await forTenant(t.deps.db, tenantId).smsOptOut.count()).toBe(1);
  });

  it('on Starter the auto-reply is not sent (SMS automations are a Pro feature, and the row says so); the owner still hears of the text and HELP is answered', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner, businessName: 'Sudsy Paws' });
    await t.deps.db.tenantConfig.update({ where: { tenantId }, data: { tier: 'starter' } });
    const customer = randomPhone();
    await text(number, customer, 'Do you groom cats?');
    await handled(tenantId, customer, 1);
    expect(sentTo(customer)).toEqual([]);
    expect(sentTo(owner)).toEqual([expect.stringContaining('Do you groom cats?')]);
    const autoReply = await forTenant(t.deps.db, tenantId).message.findFirstOrThrow({ where: { idempotencyKey: { endsWith: ':autoreply' } } });
    expect(autoReply).toMatchObject({ status: 'cancelled', kind: 'auto-reply', error: 'SMS automations is part of the Pro plan — upgrade to use it.' });

    await text(number, customer, 'HELP');
    await handled(tenantId, customer, 2);
    expect(sentTo(customer)).toEqual([expect.stringContaining('Sudsy Paws')]);
  });

  it('no auto-reply goes to a number outside the allowed countries (SMS pumping); the owner still hears of the text', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner });
    const abroad = '+9611234567';
    await text(number, abroad, 'hello');
    await handled(tenantId, abroad, 1);
    expect(sentTo(abroad)).toEqual([]);
    expect(sentTo(owner)).toHaveLength(1);
    const autoReply = await forTenant(t.deps.db, tenantId).message.findFirstOrThrow({ where: { idempotencyKey: { endsWith: ':autoreply' } } });
    expect(autoReply).toMatchObject({ status: 'blocked_destination', error: expect.stringContaining('Lebanon') });
  });

  it('STOP, START and HELP are always answered: keyword texts never count against the automatic-text budget', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const customer = randomPhone();
    const keywords = ['HELP', 'HELP', 'HELP', 'HELP', 'STOP', 'START'];
    for (const [i, body] of keywords.entries()) {
      await text(number, customer, body);
      await handled(tenantId, customer, i + 1);
    }
    expect(sentTo(customer)).toHaveLength(keywords.length); // more than SMS_AUTO_TEXTS_PER_NUMBER_HOUR (3)
    const rows = await forTenant(t.deps.db, tenantId).message.findMany({ where: { direction: 'outbound' } });
    expect(rows.map((m) => m.kind)).toEqual(keywords.map(() => 'keyword'));
  });

  it('a text longer than Twilio\'s 1,600 characters is cut to its first 1,600 at the edge, and the stored row says so', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner });
    const customer = randomPhone();
    const body = `${'😀'.repeat(1_000)}${'x'.repeat(4_000)}`; // 5,000 characters; a real Twilio never sends this
    await text(number, customer, body);
    await handled(tenantId, customer, 1);
    const [stored] = (await messages(tenantId)).filter((m) => m.direction === 'inbound');
    expect(stored!.body).toBe(`${'😀'.repeat(1_000)}${'x'.repeat(600)}`);
    expect(stored!.error).toBe('Cut to its first 1,600 characters (it had 5,000): Twilio never delivers longer texts.');
    expect(stored!.segments).toBe(40); // UCS-2 parts of 67 units: 33 emoji (never split) or 67 x's each
    expect(sentTo(owner)).toHaveLength(1);
  });

  it('with Temporal unreachable the text is still stored and Twilio gets 200 quickly', async () => {
    const { tenantId, number } = await createSmsTenant(t);
    const customer = randomPhone();
    const deadTemporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
    const app = createApp({ ...t.deps, temporal: deadTemporal, config: { ...t.deps.config, TWILIO_WEBHOOK_DEADLINE_MS: 500 } });
    const started = Date.now();
    const response = await postInboundSms({ ...t, app }, inboundParams(customer, number, 'Can I book for tomorrow?', 'SMdeadtemporal0001'));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const rows = await messages(tenantId);
    expect(rows.map((m) => [m.direction, m.status, m.body, m.idempotencyKey])).toEqual([['inbound', 'received', 'Can I book for tomorrow?', 'in:SMdeadtemporal0001']]);
    expect(rows[0]!.customerId).toBe(await customerId(tenantId, customer));
  });
});
