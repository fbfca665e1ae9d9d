import * as wf from '@temporalio/workflow';
import type { HeldTextInput, MessagingActivities, SendSmsResult } from '../activities/contracts.ts';

// One text held by quiet hours (`held-text:<tenantId>:<messageId>`), started by sendSms when it
// holds the text. A durable timer sleeps until the window ends on the tenant's clock; then sendSms
// runs again with the same idempotency key and checks everything anew (opt-out, billing pause,
// plan, destination, quiet hours). A STOP meanwhile cancels the row and this workflow.

const messaging = wf.proxyActivities<MessagingActivities>({
  startToCloseTimeout: '30 seconds',
  // Twilio down for hours must not lose the text: keep trying for most of a day.
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', maximumAttempts: 150, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber', 'TextTooLong'] },
});

export async function heldTextWorkflow(input: HeldTextInput): Promise<SendSmsResult['status']> {
  // A pinned clock (tests, replays of a decision) moves to the end of the hold; else the activity's clock judges.
  const pinned = input.text.now !== undefined;
  let { heldUntil, heldAt } = input;
  for (;;) {
    await wf.sleep(Math.max(0, Date.parse(heldUntil) - Date.parse(heldAt)));
    const result = await messaging.sendSms({ ...input.text, now: pinned ? heldUntil : undefined, release: true });
    // Still quiet (the tenant moved to another time zone): held again, until the new end.
    if (result.status !== 'blocked_quiet_hours' || !result.heldUntil) return result.status;
    heldAt = pinned ? heldUntil : new Date().toISOString();
    heldUntil = result.heldUntil;
  }
}
