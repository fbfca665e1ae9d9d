import { ApplicationFailure } from '@temporalio/common';
import nodemailer from 'nodemailer';
import { forTenant } from '../prisma/tenant-db.ts';
import type { MailActivities, SendEmailInput } from './contracts.ts';
import type { ActivityDeps } from './index.ts';

/**
 * Email to owners. With SMTP_URL the mail goes out over SMTP (nodemailer); without it, it is
 * rendered and recorded in the outbox but not sent, so the embedded stack works offline. The
 * outbox row is written first, unique per key, so a retried activity sends at most once.
 */
export function createMailActivities(deps: ActivityDeps): MailActivities {
  const transport = deps.config.SMTP_URL ? nodemailer.createTransport(deps.config.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true });

  return {
    async sendEmail(input: SendEmailInput) {
      const tenantDb = forTenant(deps.db, input.tenantId);
      await tenantDb.emailMessage.createMany({
        data: [{ idempotencyKey: input.idempotencyKey, toAddress: input.to, subject: input.subject, body: input.text, status: 'queued' }],
        skipDuplicates: true,
      });
      const row = await tenantDb.emailMessage.findFirstOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
      if (row.status !== 'queued') return { emailId: row.id, status: row.status };

      try {
        const info = await transport.sendMail({ from: deps.config.MAIL_FROM, to: input.to, subject: input.subject, text: input.text });
        await tenantDb.emailMessage.updateMany({ where: { id: row.id, status: 'queued' }, data: { status: 'sent', providerId: info.messageId, sentAt: new Date() } });
        return { emailId: row.id, status: 'sent' as const };
      } catch (error) {
        const { responseCode, message } = error as { responseCode?: number; message?: string };
        // SMTP 5xx is a permanent refusal (no such mailbox…); anything else is worth retrying.
        if (responseCode && responseCode >= 500) {
          await tenantDb.emailMessage.updateMany({ where: { id: row.id, status: 'queued' }, data: { status: 'failed', error: message } });
          throw ApplicationFailure.nonRetryable(`mail refused: ${message}`, 'MailRejected');
        }
        throw error;
      }
    },
  };
}
