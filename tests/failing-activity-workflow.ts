// A workflow whose one activity fails with the caller's number in its message, as a Twilio
// rejection does ("The 'To' number +1… is not a valid phone number."): workers/runtime/failure-encoding.test.ts.
import { proxyActivities } from '@temporalio/workflow';

const { textCustomer } = proxyActivities<{ textCustomer(to: string): Promise<void> }>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

export async function textThatFails(to: string): Promise<void> {
  await textCustomer(to);
}
