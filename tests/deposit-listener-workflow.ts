// Stands in for `booking:<tenant>:<id>` in the deposit webhook tests (api/stripe/deposits.test.ts):
// it keeps every depositPaidSignal it gets, in order, until told to stop, and returns them — so a
// test sees exactly what the webhook signalled, through real Temporal.
import { condition, defineSignal, setHandler } from '@temporalio/workflow';
import { depositPaidSignal } from '../workflows/booking.messages.ts';

export const stopListening = defineSignal('stopListening');

export async function depositListener(): Promise<Array<{ checkoutSessionId: string; eventId: string }>> {
  const received: Array<{ checkoutSessionId: string; eventId: string }> = [];
  let stopped = false;
  setHandler(depositPaidSignal, (paid) => void received.push(paid));
  setHandler(stopListening, () => void (stopped = true));
  await condition(() => stopped);
  return received;
}
