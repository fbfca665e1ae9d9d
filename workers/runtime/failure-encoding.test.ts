// Failure messages (an activity's error, with the number it could not text) go into Temporal's
// history encrypted by the payload codec, like every payload: the raw history holds no number,
// and an operator reading through the codec still sees the whole message.
import { createRequire } from 'node:module';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import proto from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { testStack, uniqueId } from '../../tests/stack.ts';
import { withTestWorker } from '../../tests/test-worker.ts';
import { connectTemporalClient } from './temporal.ts';

const require = createRequire(import.meta.url);
const { temporal } = proto;

describe('failures in history', () => {
  it('an activity failing with a phone number in its message: the raw history has no number in the clear, the decoded failure has the message', async () => {
    const stack = testStack();
    const masterKey = Buffer.from(stack.masterKeyBase64, 'base64');
    const taskQueue = uniqueId('failure-tq');
    const workflowId = uniqueId('failure');
    const number = `+1918555${String(1000 + Math.floor(Math.random() * 8999))}`;
    const client = await connectTemporalClient({ address: stack.temporalAddress, namespace: stack.temporalNamespace, taskQueue, masterKey });
    try {
      const activities = {
        textCustomer: async (to: string) => {
          throw ApplicationFailure.nonRetryable(`The 'To' number ${to} is not a valid phone number.`, 'TwilioRejected');
        },
      };
      const failure = await withTestWorker({ activities, workflows: { workflowsPath: require.resolve('../../tests/failing-activity-workflow.ts') }, taskQueue }, async () => {
        const handle = await client.workflow.start('textThatFails', { args: [number], taskQueue, workflowId });
        return handle.result().then(() => null, (error: unknown) => error);
      });

      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect(((failure as WorkflowFailedError).cause?.cause as Error | undefined)?.message).toBe(`The 'To' number ${number} is not a valid phone number.`);

      // What Temporal stores (and its UI shows without the codec): the history as it is on the wire.
      const { history } = await client.connection.workflowService.getWorkflowExecutionHistory({ namespace: stack.temporalNamespace, execution: { workflowId } });
      const raw = Buffer.from(temporal.api.history.v1.History.encode(history!).finish());
      expect(raw.includes('ActivityTaskFailed') || history!.events!.some((e) => e.activityTaskFailedEventAttributes)).toBe(true);
      expect(raw.includes(number)).toBe(false);
      expect(raw.includes(number.slice(2))).toBe(false);
      expect(raw.includes('not a valid phone number')).toBe(false);
    } finally {
      await client.connection.close();
    }
  });
});
