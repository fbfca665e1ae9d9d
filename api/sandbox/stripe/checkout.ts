import { Hono } from 'hono';
import { noSuch, noSuchParam, params, returnUrlParam, stripeError, type SandboxEnv } from './http.ts';
import { acceptableReturnUrl, CHECKOUT_SESSION_ID, checkoutPage, unknownLinkPage } from './pages.ts';
import { newId, type SandboxStore, type StripeObject } from './store.ts';

// Checkout in setup mode (an owner adds a card) and payment mode (a customer pays a booking's
// deposit): the API's sessions, setup and payment intents, and the page a link opens offline,
// whose form "enters" a test card or "pays".

export interface CheckoutOptions {
  /** Where the hosted pages live: a session's `url`. */
  publicUrl: string;
  returnOrigins?: readonly string[];
}

/** What a payment-mode session charges: the sum of its line items' `price_data` (the only kind the sandbox prices). */
function amountTotal(lineItems: unknown): number | { invalid: string } {
  if (!Array.isArray(lineItems) || lineItems.length === 0) return { invalid: 'line_items' };
  let total = 0;
  for (const item of lineItems as Array<Record<string, any>>) {
    const amount = Number(item?.price_data?.unit_amount);
    const quantity = Number(item?.quantity ?? 1);
    if (!Number.isInteger(amount) || amount < 0 || !Number.isInteger(quantity) || quantity < 1) return { invalid: 'line_items' };
    total += amount * quantity;
  }
  return total;
}

/**
 * The visitor finishes a Checkout page: in setup mode a test card is saved (a payment method and a
 * succeeded SetupIntent); in payment mode the amount is paid (a succeeded PaymentIntent).
 */
export function completeCheckout(store: SandboxStore, sessionId: string): StripeObject | null {
  const session = store.sessions.get(sessionId);
  if (!session) return null;
  if (session.status === 'complete') return session;
  if (session.mode === 'payment') {
    const payment: StripeObject = { id: newId('pi'), object: 'payment_intent', amount: session.amount_total, currency: session.currency, status: 'succeeded', metadata: session.metadata };
    store.paymentIntents.set(payment.id, payment);
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: payment.id });
    return session;
  }
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
      const mode = String(p.mode ?? 'setup');
      // A setup session saves a card on a customer; a payment session (a deposit) needs none.
      if ((mode !== 'payment' || p.customer !== undefined) && !store.customers.has(String(p.customer ?? ''))) return noSuchParam(c, 'customer', p.customer, 'customer');
      const total = mode === 'payment' ? amountTotal(p.line_items) : 0;
      if (typeof total !== 'number') return stripeError(c, 400, 'A payment session needs line_items with price_data[unit_amount] and quantity.', 'invalid_request_error', total.invalid);
      const success = returnUrlParam(p, 'success_url', options.returnOrigins);
      const cancel = returnUrlParam(p, 'cancel_url', options.returnOrigins);
      for (const checked of [success, cancel]) if ('invalid' in checked) return stripeError(c, 400, 'Not a valid URL', 'invalid_request_error', checked.invalid);
      const id = newId('cs_test');
      const payment = mode === 'payment'
        ? { amount_total: total, currency: String((p.line_items as Array<Record<string, any>>)[0]?.price_data?.currency ?? 'usd'), payment_status: 'unpaid', payment_intent: null, customer_email: p.customer_email ?? null }
        : {};
      const session: StripeObject = { id, object: 'checkout.session', mode, customer: p.customer ?? null, metadata: p.metadata ?? {}, client_reference_id: p.client_reference_id ?? null, ...payment, success_url: 'url' in success ? success.url : null, cancel_url: 'url' in cancel ? cancel.url : null, status: 'open', url: `${options.publicUrl}/pay/${id}` };
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
    })
    .get('/payment_intents/:id', (c) => {
      const intent = store.paymentIntents.get(c.req.param('id'));
      return intent ? c.json(intent) : noSuch(c, 'payment_intent');
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
      const amountCents = session.mode === 'payment' ? Number(session.amount_total) : null;
      return checkoutPage(c, { done: session.status === 'complete', successUrl: linkable(session.success_url), amountCents });
    })
    .post('/pay/:id', async (c) => {
      const found = openSession(c.req.param('id'));
      const session = found ? completeCheckout(store, found.id) : null;
      if (!session) return unknownLinkPage(c, 'checkout');
      await options.completed(session);
      return c.redirect(linkable(session.success_url) ?? `${options.publicUrl}/pay/${session.id}`, 303);
    });
}
