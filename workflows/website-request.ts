import * as wf from '@temporalio/workflow';
import type { MailActivities, MessagingActivities } from '../activities/contracts.ts';

// Tells the owner about one request from the website's booking form: a text to the owner's phone
// and an email, each once (the outbox keys `website-request:<id>:sms|email`). The request and the
// customer are already stored by the API; this is only the telling. Id:
// `website-request:<tenant>:<requestId>` — the visitor's name and number are in the (encrypted) input.

export interface WebsiteRequestAlert {
  tenantId: string;
  requestId: string;
  ownerPhone: string | null;
  ownerEmail: string | null;
  /** "Jane Doe, (918) 555-0142 — Full detail, Saturday morning". */
  summary: string;
  businessName: string;
  /** The page in the app where the owner sees the request. */
  link: string;
}

const { sendSms } = wf.proxyActivities<MessagingActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 10, maximumInterval: '5 minutes' } });
const { sendEmail } = wf.proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 20, nonRetryableErrorTypes: ['MailRejected'] },
});

export async function websiteRequest(alert: WebsiteRequestAlert): Promise<{ texted: boolean; emailed: boolean }> {
  const key = `website-request:${alert.requestId}`;
  let texted = false;
  let emailed = false;
  if (alert.ownerPhone) {
    await sendSms({ tenantId: alert.tenantId, to: alert.ownerPhone, body: `New website request: ${alert.summary}. Reply to them, or see it: ${alert.link}`, idempotencyKey: `${key}:sms`, kind: 'owner-alert', customerId: null });
    texted = true;
  }
  if (alert.ownerEmail) {
    const sent = await sendEmail({
      tenantId: alert.tenantId,
      to: alert.ownerEmail,
      subject: `New request from your website: ${alert.summary.split(',')[0]}`,
      text: `Someone sent a request from the ${alert.businessName} website:\n\n${alert.summary}\n\nSee it and the customer's details: ${alert.link}\n`,
      idempotencyKey: `${key}:email`,
    }).catch((error: unknown) => {
      wf.log.warn('website request email not sent', { requestId: alert.requestId, error: String(error) });
      return null;
    });
    emailed = sent?.status === 'sent';
  }
  return { texted, emailed };
}
