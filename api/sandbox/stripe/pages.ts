import type { Context } from 'hono';
import { html } from 'hono/html';

// The pages the offline Stripe sandbox shows in place of Stripe's hosted Checkout and Customer
// Portal. They are served on the app's own origin (where the session token lives), so every value
// goes through hono's escaping `html` template, ids are checked before they are looked up, links
// and redirects only ever point at an http(s) URL the sandbox accepted, and nothing is inline
// script: the app's CSP (script-src 'self', form-action 'self') applies to them as to the app.

/** The sandbox's own ids: `<prefix>_` and 24 hex digits (store.ts `newId`). */
export const sandboxIdPattern = (prefix: string) => new RegExp(`^${prefix}_[0-9a-f]{24}$`);
export const CHECKOUT_SESSION_ID = sandboxIdPattern('cs_test');
export const PORTAL_SESSION_ID = sandboxIdPattern('bps');

/**
 * A URL the sandbox may link or redirect to: absolute http(s) and, when `origins` is given (the
 * sandbox mounted in our API), on one of them — so a session cannot send an owner to a script URL
 * or another site. Returns the normalised href (quotes and brackets percent-encoded), else null.
 */
export function acceptableReturnUrl(value: unknown, origins?: readonly string[]): string | null {
  if (typeof value !== 'string' || !URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (origins && !origins.includes(url.origin)) return null;
  return url.href;
}

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;

const backLink = (url: string | null, label = 'Back to ServicePro') => (url ? html`<p><a href="${url}">${label}</a></p>` : '');

export function unknownLinkPage(c: Context, what: 'checkout' | 'billing portal') {
  return c.html(
    page(`Unknown ${what} link`, html`<h1>This ${what} link is not known</h1><p>Open Billing in ServicePro and ask for a new link.</p>`),
    404,
  );
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** `amountCents` set: a payment (a booking's deposit) rather than saving a card. */
export function checkoutPage(c: Context, session: { done: boolean; successUrl: string | null; amountCents?: number | null }) {
  const paying = typeof session.amountCents === 'number' && Number.isFinite(session.amountCents);
  // No action: the form posts back to this very page, whatever host name it was opened under.
  const action = paying
    ? session.done
      ? html`<p>The deposit of ${dollars(session.amountCents!)} is paid.</p>`
      : html`<p>Deposit: ${dollars(session.amountCents!)}</p><form method="post"><button type="submit">Pay ${dollars(session.amountCents!)} with test card 4242 4242 4242 4242</button></form>`
    : session.done
      ? html`<p>A test card was saved.</p>`
      : html`<form method="post"><button type="submit">Save test card 4242 4242 4242 4242</button></form>`;
  return c.html(
    page('ServicePro test checkout', html`<h1>ServicePro test checkout</h1><p>No real card is charged in the sandbox.</p>${action}${backLink(session.successUrl, paying ? 'Back to the booking' : undefined)}`),
  );
}

export function portalPage(c: Context, session: { returnUrl: string | null }) {
  return c.html(
    page(
      'ServicePro test billing portal',
      html`<h1>ServicePro test billing portal</h1><p>In the sandbox there are no real invoices or cards to manage.</p>${backLink(session.returnUrl)}`,
    ),
  );
}
