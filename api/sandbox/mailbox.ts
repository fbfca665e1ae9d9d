import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { Config } from '../../domain/config.ts';
import type { EmailMessageModel } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import type { AppEnv } from '../context.ts';

// The local mailbox: with no SMTP server configured, mail is recorded in the outbox but not sent,
// and this page shows it, so an invite or a password reset can be opened on a machine offline. It
// is on the app's own origin, so every value goes through hono's escaping `html`, only links to the
// app itself are clickable, and there is no script. Never mounted in production: the page shows
// every account link, to whoever can reach it.

export const mailboxOpen = (config: Pick<Config, 'SMTP_URL' | 'NODE_ENV'>) => !config.SMTP_URL && config.NODE_ENV !== 'production';

const SHOWN = 50;
const recipient = z.email().max(254);

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #111827; }
      article { border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0.5rem 0 0; }
      .meta { color: #4b5563; font-size: 0.875rem; margin: 0; overflow-wrap: anywhere; }
      h2 { font-size: 1.05rem; margin: 0.25rem 0; }
      a { color: #1d4ed8; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;

/** The mail's text with each link into this app made clickable; everything else escaped as text. */
function bodyWithLinks(text: string, appOrigin: string) {
  return text.split(/(https?:\/\/[^\s<>"']+)/g).map((part, index) => {
    const isLink = index % 2 === 1 && URL.canParse(part) && new URL(part).origin === appOrigin;
    return isLink ? html`<a href="${new URL(part).href}">${part}</a>` : part;
  });
}

function mailCard(mail: EmailMessageModel, appOrigin: string) {
  return html`<article data-testid="mail">
    <p class="meta">To ${mail.toAddress} · <time datetime="${mail.createdAt.toISOString()}">${mail.createdAt.toUTCString()}</time> · ${mail.status}</p>
    <h2>${mail.subject}</h2>
    <pre>${bodyWithLinks(mail.body, appOrigin)}</pre>
  </article>`;
}

export function mailboxRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { config, db } = c.get('deps');
    if (!mailboxOpen(config)) {
      return c.html(page('No local mailbox', html`<h1>No local mailbox</h1><p>Mail goes out through the SMTP server configured in SMTP_URL.</p>`), 404);
    }
    const asked = c.req.query('to');
    const to = asked === undefined || asked === '' ? undefined : recipient.safeParse(asked.toLowerCase()).data;
    if (asked && !to) return c.html(page('Local mailbox', html`<h1>Local mailbox</h1><p>“to” must be an email address.</p>`), 400);

    // The outbox is per business (row-level security): read each business's newest, then merge.
    const tenants = await db.tenant.findMany({ select: { id: true } });
    const perTenant = await Promise.all(
      tenants.map((tenant) => forTenant(db, tenant.id).emailMessage.findMany({ where: to ? { toAddress: to } : {}, orderBy: { createdAt: 'desc' }, take: SHOWN })),
    );
    const mails = perTenant.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, SHOWN);
    const origin = new URL(config.PUBLIC_BASE_URL).origin;
    return c.html(
      page(
        'Local mailbox',
        html`<h1>Local mailbox</h1>
          <p>No SMTP server is configured (SMTP_URL), so ServicePro records mail here instead of sending it. Newest first${to ? html`, to ${to}` : ''}.</p>
          <form method="get"><label>Show mail to <input type="email" name="to" value="${to ?? ''}" /></label> <button type="submit">Show</button></form>
          ${mails.length === 0 ? html`<p>No mail yet.</p>` : mails.map((mail) => mailCard(mail, origin))}`,
      ),
    );
  });
}
