import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../domain/workflow-ids.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { recordHistory, recordingHistories, replayRecorded } from '../tests/replay.ts';
import { createSmsTenant, inboundParams, postInboundSms, randomPhone } from '../tests/sms-fixtures.ts';
import { conversationStateQuery } from './conversation.messages.ts';

const RECORDED = 'conversation-text-help-stop-start.json';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => t?.close());

async function conversationOf(tenantId: string, phone: string) {
  const customer = await forTenant(t.deps.db, tenantId).customer.findFirstOrThrow({ where: { phone } });
  return t.deps.temporal.workflow.getHandle(workflowIds.conversation(tenantId, customer.id));
}

describe('conversation:<tenantId>:<customerId> workflow', () => {
  it('continues as new when Temporal suggests it, keeping the auto-reply clock and the seen MessageSids', async () => {
    const owner = randomPhone();
    const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner });
    const customer = randomPhone();
    const first = inboundParams(customer, number, 'text 0');
    await postInboundSms(t, first);
    const handle = await conversationOf(tenantId, customer);
    const firstRun = (await handle.describe()).runId;

    // The test server suggests continue-as-new at 60 history events: a dozen texts pass it.
    for (let i = 1; i < 12; i++) {
      await postInboundSms(t, inboundParams(customer, number, `text ${i}`));
      await expect.poll(async () => (await handle.query(conversationStateQuery)).handled, { timeout: 15_000 }).toBe(i + 1);
    }
    await expect.poll(async () => (await handle.describe()).runId, { timeout: 15_000 }).not.toBe(firstRun);

    await postInboundSms(t, first); // Twilio redelivering the very first webhook, after the hand-over
    await postInboundSms(t, inboundParams(customer, number, 'last one'));
    await expect.poll(async () => (await handle.query(conversationStateQuery)).handled, { timeout: 15_000 }).toBe(13);
    expect(t.twilio.messages().filter((m) => m.to === customer)).toHaveLength(1); // one auto-reply in 12 hours, across runs
    expect(t.twilio.messages().filter((m) => m.to === owner)).toHaveLength(13);
  });

  it('replays a recorded history deterministically', async () => {
    if (recordingHistories) {
      const owner = randomPhone();
      const { tenantId, number } = await createSmsTenant(t, { ownerNotifyPhone: owner, businessName: 'Recorded Grooming' });
      const customer = randomPhone();
      const bodies = ['Hi, any openings?', 'HELP', 'stop texting me please', 'STOP', 'START'];
      let firstRun: string | undefined;
      for (const [i, body] of bodies.entries()) {
        await postInboundSms(t, inboundParams(customer, number, body, `SMrecorded${i}`));
        const handle = await conversationOf(tenantId, customer);
        firstRun ??= (await handle.describe()).runId;
        await expect.poll(async () => (await handle.query(conversationStateQuery)).handled, { timeout: 15_000 }).toBe(i + 1);
      }
      // The first run: on the test server it grows past 60 events and ends in continue-as-new.
      const { workflowId } = await conversationOf(tenantId, customer);
      const history = await t.deps.temporal.workflow.getHandle(workflowId, firstRun).fetchHistory();
      await recordHistory(RECORDED, history);
    }
    await replayRecorded(RECORDED, 'conversation:recorded');
  });
});
