import { Hono } from 'hono';
import { noSuchParam, params, returnUrlParam, stripeError, type SandboxEnv } from './http.ts';
import { acceptableReturnUrl, PORTAL_SESSION_ID, portalPage, unknownLinkPage } from './pages.ts';
import { newId, type SandboxStore, type StripeObject } from './store.ts';
import type { CheckoutOptions } from './checkout.ts';

// The Customer Portal (invoices, cards): /v1/billing_portal/sessions, and the page its link opens offline.

export function portalRoutes(store: SandboxStore, options: CheckoutOptions) {
  return new Hono<SandboxEnv>().post('/billing_portal/sessions', (c) => {
    const p = params(c);
    if (!store.customers.has(String(p.customer ?? ''))) return noSuchParam(c, 'customer', p.customer, 'customer');
    const back = returnUrlParam(p, 'return_url', options.returnOrigins);
    if ('invalid' in back) return stripeError(c, 400, 'Not a valid URL', 'invalid_request_error', back.invalid);
    const id = newId('bps');
    const session: StripeObject = { id, object: 'billing_portal.session', customer: p.customer, return_url: back.url, url: `${options.publicUrl}/portal/${id}` };
    store.sessions.set(id, session);
    return c.json(session);
  });
}

/** /portal/:id, the page standing in for Stripe's hosted portal (pages.ts): a way back to the app. */
export function portalPages(store: SandboxStore, options: Pick<CheckoutOptions, 'returnOrigins'>) {
  return new Hono().get('/portal/:id', (c) => {
    const id = c.req.param('id');
    const session = PORTAL_SESSION_ID.test(id) ? store.sessions.get(id) : undefined;
    if (!session) return unknownLinkPage(c, 'billing portal');
    return portalPage(c, { returnUrl: acceptableReturnUrl(session.return_url, options.returnOrigins) });
  });
}
