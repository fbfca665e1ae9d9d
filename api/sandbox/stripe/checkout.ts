import { Hono } from 'hono';
import { noSuch, noSuchParam, params, returnUrlParam, stripeError, type SandboxEnv } from './http.ts';
import { acceptableReturnUrl, CHECKOUT_SESSION_ID, checkoutPage, unknownLinkPage } from './pages.ts';
import { newId, type SandboxStore, type StripeObject } from './store.ts';

// Checkout in setup mode (an owner adds a card): the API's sessions and setup intents, and the page
// an owner's link opens offline, whose form "enters" a test card.

export interface CheckoutOptions {
  /** Where the hosted pages live: a session's `url`. */
  publicUrl: string;
  returnOrigins?: readonly string[];
}

/** The customer "enters" a test card on a setup-mode Checkout page: a payment method and a succeeded SetupIntent. */
export function completeCheckout(store: SandboxStore, sessionId: string): StripeObject | null {
  const session = store.sessions.get(sessionId);
  if (!session) return null;
  if (session.status === 'complete') return session;
  const intent: StripeObject = { id: newId('seti'), object: 'setup_intent', customer: session.customer, payment_method: newId('pm'), status: 'succeeded' };
  store.setupIntents.set(intent.id, intent);
  Object.assign(session, { status: 'complete', setup_intent: intent.id });
  return session;
}

/** /v1/checkout/sessions and /v1/setup_intents. */
export function checkoutRoutes(store: SandboxStore, options: CheckoutOptions) {
  return new Hono<SandboxEnv>()
    .post('/checkout/sessions', (c) => {
      const p = params(c);
      if (!store.customers.has(String(p.customer ?? ''))) return noSuchParam(c, 'customer', p.customer, 'customer');
      const success = returnUrlParam(p, 'success_url', options.returnOrigins);
      const cancel = returnUrlParam(p, 'cancel_url', options.returnOrigins);
      for (const checked of [success, cancel]) if ('invalid' in checked) return stripeError(c, 400, 'Not a valid URL', 'invalid_request_error', checked.invalid);
      const id = newId('cs_test');
      const session: StripeObject = { id, object: 'checkout.session', mode: p.mode ?? 'setup', customer: p.customer, success_url: 'url' in success ? success.url : null, cancel_url: 'url' in cancel ? cancel.url : null, status: 'open', url: `${options.publicUrl}/pay/${id}` };
      store.sessions.set(id, session);
      return c.json(session);
    })
    .get('/checkout/sessions/:id', (c) => {
      const session = store.sessions.get(c.req.param('id'));
      if (!session) return noSuch(c, 'checkout.session');
      const expand = (params(c).expand as string[] | undefined) ?? [];
      const intent = typeof session.setup_intent === 'string' ? store.setupIntents.get(session.setup_intent) : undefined;
      return c.json(expand.includes('setup_intent') && intent ? { ...session, setup_intent: intent } : session);
    })
    .get('/setup_intents/:id', (c) => {
      const intent = store.setupIntents.get(c.req.param('id'));
      return intent ? c.json(intent) : noSuch(c, 'setupintent');
    });
}

/**
 * /pay/:id, the page standing in for Stripe's hosted Checkout (pages.ts). Submitting it completes
 * the session, tells our webhook (`completed`), and goes back to the app.
 */
export function checkoutPages(store: SandboxStore, options: CheckoutOptions & { completed: (session: StripeObject) => Promise<void> }) {
  const openSession = (id: string) => (CHECKOUT_SESSION_ID.test(id) ? store.sessions.get(id) : undefined);
  /** Only what the sandbox accepted at creation is linked to (absolute http(s), on an allowed origin). */
  const linkable = (url: unknown) => acceptableReturnUrl(url, options.returnOrigins);
  return new Hono()
    .get('/pay/:id', (c) => {
      const session = openSession(c.req.param('id'));
      if (!session) return unknownLinkPage(c, 'checkout');
      return checkoutPage(c, { done: session.status === 'complete', successUrl: linkable(session.success_url) });
    })
    .post('/pay/:id', async (c) => {
      const found = openSession(c.req.param('id'));
      const session = found ? completeCheckout(store, found.id) : null;
      if (!session) return unknownLinkPage(c, 'checkout');
      await options.completed(session);
      return c.redirect(linkable(session.success_url) ?? `${options.publicUrl}/pay/${session.id}`, 303);
    });
}
