import * as wf from '@temporalio/workflow';
import type { MailActivities, SendEmailInput } from '../activities/contracts.ts';

// One account email (an invite, a password-reset link): `invite:<tenant>:<invite>:<send>` or
// `password-reset:<reset>`. Sent once: the outbox row's idempotency key makes a retried activity a
// no-op. The link's token is in the input, which the payload codec encrypts; never in the id.

const mail = wf.proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  // A link is only worth sending while it works: keep trying for about an hour, then give up.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 20, nonRetryableErrorTypes: ['MailRejected'] },
});

export async function accountMail(input: SendEmailInput): Promise<'sent' | 'failed'> {
  return (await mail.sendEmail(input)).status;
}
