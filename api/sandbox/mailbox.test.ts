import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { newEmail, tokenMailedTo } from '../../tests/account-fixtures.ts';
import { uniqueId } from '../../tests/stack.ts';
import { forTenant } from '../../prisma/tenant-db.ts';

// The local mailbox (no SMTP configured) shows recorded mail with its links; with SMTP the outbox
// keeps no account token at all, and the page is not there.

let offline: TestApp;
beforeAll(async () => {
  offline = await createTestApp();
});
afterAll(async () => offline?.close());

const XSS = '<img src=x onerror=alert(1)>';

async function tenantWithOwner(t: TestApp, businessName: string, ownerEmail: string) {
  const id = uniqueId('mbox');
  const r = await t.call('POST', '/api/admin/tenants', { token: await t.ownerToken(), body: { id, businessName, tier: 'starter', ownerEmail } });
  expect(r.status).toBe(201);
  return id;
}

describe('/sandbox/mailbox', () => {
  it('shows the invite with a clickable link into the app, everything escaped, no script', async () => {
    const email = newEmail('mailbox');
    const id = await tenantWithOwner(offline, `Sunny ${XSS} Lawns`, email);
    const token = await tokenMailedTo(offline, email, { tenantId: id });
    const r = await offline.call('GET', `/sandbox/mailbox?to=${encodeURIComponent(email)}`);
    expect(r.status).toBe(200);
    const page = await r.text();
    expect(page).toContain(`href="${offline.deps.config.PUBLIC_BASE_URL}/invite#token=${token}"`);
    expect(page).toContain('Sunny &lt;img src=x onerror=alert(1)&gt; Lawns');
    expect(page).not.toContain(XSS);
    expect(page).not.toMatch(/<script/i);
    // Filtered by recipient: nobody else's mail.
    expect(page.match(/data-testid="mail"/g)).toHaveLength(1);
    expect((await offline.call('GET', '/sandbox/mailbox?to=%3Cscript%3E')).status).toBe(400);
  });

  it('with SMTP configured: no mailbox page, the mail goes out with its link, and the outbox keeps no token', async () => {
    const smtp = await createTestApp({ fakes: ['smtp'] });
    try {
      expect((await smtp.call('GET', '/sandbox/mailbox')).status).toBe(404);
      const email = newEmail('smtp');
      const id = await tenantWithOwner(smtp, 'Smtp Lawns', email);
      await expect.poll(() => smtp.smtp.received().filter((m) => m.to.includes(email)).length, { timeout: 20_000 }).toBe(1);
      const raw = smtp.smtp.received().find((m) => m.to.includes(email))!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(raw).toMatch(/\/invite#token=[A-Za-z0-9_-]{43}/);
      const [stored] = await forTenant(smtp.deps.db, id).emailMessage.findMany({ where: { toAddress: email } });
      expect(stored!.body).toContain('/invite#token=(sent, not stored)');
      expect(stored!.body).not.toMatch(/#token=[A-Za-z0-9_-]{43}/);
    } finally {
      await smtp.close();
    }
  });

  it('is not there in production, even without SMTP', async () => {
    const { mailboxOpen } = await import('./mailbox.ts');
    expect(mailboxOpen({ SMTP_URL: undefined, NODE_ENV: 'production' })).toBe(false);
    expect(mailboxOpen({ SMTP_URL: undefined, NODE_ENV: 'development' })).toBe(true);
    expect(mailboxOpen({ SMTP_URL: 'smtp://mail.example.com', NODE_ENV: 'development' })).toBe(false);
  });
});
