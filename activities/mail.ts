import { ApplicationFailure } from '@temporalio/common';
import nodemailer from 'nodemailer';
import { forTenant } from '../prisma/tenant-db.ts';
import type { MailActivities, SendEmailInput } from './contracts.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Email to owners. With SMTP_URL the mail goes out over SMTP (nodemailer); without it, it is
 * rendered and recorded in the outbox but not sent, so the embedded stack works offline. The
 * outbox row is written first, unique per key, and claimed (`sending`) before the SMTP hand-over,
 * so a retried activity — even after a worker died mid-send — sends at most once.
 */
export function createMailActivities(deps: ActivityDeps): MailActivities {
  const transport = deps.config.SMTP_URL ? nodemailer.createTransport(deps.config.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true });

  return {
    async sendEmail(input: SendEmailInput) {
      const tenantDb = forTenant(deps.db, input.tenantId);
      await tenantDb.emailMessage.createMany({
        data: [{ idempotencyKey: input.idempotencyKey, toAddress: input.to, subject: input.subject, body: deps.config.SMTP_URL ? (input.storedText ?? input.text) : input.text, status: 'queued' }],
        skipDuplicates: true,
      });
      const row = await tenantDb.emailMessage.findFirstOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
      if (row.status === 'sent' || row.status === 'failed') return { emailId: row.id, status: row.status };
      // Claim the row. A row already `sending` belongs to an attempt that died while handing the mail to the
      // SMTP server: it may have gone out, and SMTP cannot say — so it is not sent a second time.
      const claimed = await tenantDb.emailMessage.updateMany({ where: { id: row.id, status: 'queued' }, data: { status: 'sending' } });
      if (claimed.count === 0) {
        const error = 'Not confirmed: the worker stopped while sending this mail. It is not sent again, so the owner never gets it twice.';
        await tenantDb.emailMessage.updateMany({ where: { id: row.id, status: 'sending' }, data: { status: 'failed', error } });
        deps.logger.warn({ tenantId: input.tenantId, emailId: row.id }, error);
        return { emailId: row.id, status: 'failed' as const };
      }

      try {
        const info = await transport.sendMail({ from: deps.config.MAIL_FROM, to: input.to, subject: input.subject, text: input.text });
        await tenantDb.emailMessage.updateMany({ where: { id: row.id, status: 'sending' }, data: { status: 'sent', providerId: info.messageId, sentAt: new Date() } });
        return { emailId: row.id, status: 'sent' as const };
      } catch (error) {
        const { responseCode, message } = error as { responseCode?: number; message?: string };
        // SMTP 5xx is a permanent refusal (no such mailbox…); anything else was not delivered and is worth retrying.
        const permanent = Boolean(responseCode && responseCode >= 500);
        await tenantDb.emailMessage.updateMany({ where: { id: row.id, status: 'sending' }, data: permanent ? { status: 'failed', error: message } : { status: 'queued', error: message } });
        if (permanent) throw ApplicationFailure.nonRetryable(`mail refused: ${message}`, 'MailRejected');
        throw error;
      }
    },
  };
}
