import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../workers/runtime/logger.ts';
import { parseConfig } from '../domain/config.ts';
import { createPrismaClient, type PrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { startSmtpFake, type SmtpFake } from '../tests/smtp-fake.ts';
import { testStack, uniqueId } from '../tests/stack.ts';
import { createMailActivities } from './mail.ts';

let smtp: SmtpFake;
let db: PrismaClient;
const tenantId = uniqueId('mail');

const activities = (env: Record<string, string> = {}) =>
  createMailActivities({ db, config: parseConfig({ NODE_ENV: 'test', ...env }), masterKey: Buffer.alloc(32), logger: createLogger('silent') });

beforeAll(async () => {
  smtp = await startSmtpFake({ rejectRecipients: /^nobody@/ });
  db = createPrismaClient(testStack().appDatabaseUrl);
  await db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: 'Mail Co' } } } });
});
afterAll(async () => {
  await db?.$disconnect();
  await smtp?.close();
});

describe('sendEmail', () => {
  it('sends over SMTP once per idempotency key, however often it runs', async () => {
    const { sendEmail } = activities(smtp.env);
    const input = { tenantId, to: 'owner@mailco.test', subject: 'New voicemail from (918) 555-0199', text: 'Listen in your inbox.', idempotencyKey: 'vm:RE1' };
    expect((await sendEmail(input)).status).toBe('sent');
    expect((await sendEmail(input)).status).toBe('sent');
    const mails = smtp.received().filter((m) => m.to.includes('owner@mailco.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toMatch(/Subject: New voicemail from \(918\) 555-0199/);
    expect(await forTenant(db, tenantId).emailMessage.findFirst({ where: { idempotencyKey: 'vm:RE1' } })).toMatchObject({ status: 'sent', toAddress: 'owner@mailco.test' });
  });

  it('a permanent SMTP refusal is recorded as failed and not retried', async () => {
    const { sendEmail } = activities(smtp.env);
    await expect(sendEmail({ tenantId, to: 'nobody@mailco.test', subject: 's', text: 't', idempotencyKey: 'vm:RE2' })).rejects.toMatchObject({ nonRetryable: true });
    expect((await forTenant(db, tenantId).emailMessage.findFirst({ where: { idempotencyKey: 'vm:RE2' } }))?.status).toBe('failed');
  });

  it('with no SMTP configured the mail is recorded, not sent anywhere', async () => {
    const before = smtp.received().length;
    expect((await activities().sendEmail({ tenantId, to: 'owner@mailco.test', subject: 's', text: 't', idempotencyKey: 'vm:RE3' })).status).toBe('sent');
    expect(smtp.received()).toHaveLength(before);
  });

  it('a mail an earlier attempt was handing to SMTP when its worker died is never sent again, and says why', async () => {
    await forTenant(db, tenantId).emailMessage.create({ data: { idempotencyKey: 'vm:RE4', toAddress: 'owner@mailco.test', subject: 's', body: 't', status: 'sending' } });
    const before = smtp.received().length;
    expect((await activities(smtp.env).sendEmail({ tenantId, to: 'owner@mailco.test', subject: 's', text: 't', idempotencyKey: 'vm:RE4' })).status).toBe('failed');
    expect(smtp.received()).toHaveLength(before);
    expect(await forTenant(db, tenantId).emailMessage.findFirst({ where: { idempotencyKey: 'vm:RE4' } })).toMatchObject({ status: 'failed', error: expect.stringMatching(/worker stopped while sending/) });
  });

  it('an SMTP server that cannot be reached leaves the mail queued for the retry', async () => {
    await expect(activities({ SMTP_URL: 'smtp://127.0.0.1:9' }).sendEmail({ tenantId, to: 'owner@mailco.test', subject: 's', text: 't', idempotencyKey: 'vm:RE5' })).rejects.toThrow();
    expect((await forTenant(db, tenantId).emailMessage.findFirst({ where: { idempotencyKey: 'vm:RE5' } }))?.status).toBe('queued');
    expect((await activities(smtp.env).sendEmail({ tenantId, to: 'owner@mailco.test', subject: 's', text: 't', idempotencyKey: 'vm:RE5' })).status).toBe('sent');
  });
});
