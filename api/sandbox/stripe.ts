import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import Stripe from 'stripe';
import { stripeCredentials } from '../../domain/stripe-credentials.ts';
import type { AppDeps } from '../context.ts';
import { acceptableReturnUrl, CHECKOUT_SESSION_ID, checkoutPage, PORTAL_SESSION_ID, portalPage, unknownLinkPage } from './stripe-pages.ts';

// Enough of Stripe's REST API for the official SDK to talk to: customers, prices (by lookup key),
// subscriptions with a trial, Checkout and Customer Portal sessions — honouring Idempotency-Key
// as Stripe does. Two uses, one code: mounted in our API at /sandbox/stripe when no Stripe account
// is configured (offline `npm start`), and served on a free port by tests as the fake behind
// STRIPE_API_BASE_URL. It also signs webhook events with the SDK's own helper.

export interface StripeSandboxOptions {
  secretKey: string;
  webhookSecret: string;
  /** Where the sandbox delivers the events its own pages cause (a card added at /pay/…); unset: nowhere. */
  webhookUrl?: string;
  /** Where Checkout / Portal "pages" live (links handed to owners). */
  publicUrl?: string;
  /**
   * The only origins a session's success, cancel or return URL may point at (mounted in our API:
   * the app's own). Unset (a test fake): any http(s) URL, as Stripe takes.
   */
  returnOrigins?: readonly string[];
}

export interface SandboxRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
  status: number;
}

type StripeObject = Record<string, unknown> & { id: string };
type Failure = { remaining: number; path?: string; afterCommit: boolean };
type Slowness = { remaining: number; ms: number; path?: string };

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Stripe's form encoding (`items[0][price]=p`, `lookup_keys[]=a`) back into objects and arrays. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const [head, ...rest] = rawKey.replace(/\]/g, '').split('[');
    const keys = [head!, ...rest];
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const container = node as Record<string, unknown>;
      const slot = key === '' && Array.isArray(node) ? String(node.length) : key;
      if (last) {
        container[slot] = value;
        return;
      }
      if (container[slot] === undefined) container[slot] = /^\d*$/.test(keys[i + 1]!) ? [] : {};
      node = container[slot] as Record<string, unknown>;
    });
  }
  return root;
}

const stripeError = (c: Context, status: 400 | 401 | 404 | 500, message: string, type = 'invalid_request_error', param?: string) =>
  c.json({ error: { type, message, ...(param ? { param } : {}) } }, status);
const noSuchSubscription = (c: Context) => stripeError(c, 404, `No such subscription: '${c.req.param('id')}'`, 'invalid_request_error', 'id');

/** What a Stripe object id looks like (`cus_…`, `cs_test_…`); anything else in a path is not looked up, nor echoed. */
const STRIPE_ID = /^[a-z]{2,8}(?:_test)?_[A-Za-z0-9]{1,255}$/;
const ID_PATHS = ['/v1/customers/:id', '/v1/subscriptions/:id', '/v1/subscriptions/:id/*', '/v1/checkout/sessions/:id', '/v1/setup_intents/:id'];

export function createStripeSandbox(options: StripeSandboxOptions) {
  const customers = new Map<string, StripeObject>();
  const prices = new Map<string, StripeObject>();
  const subscriptions = new Map<string, StripeObject>();
  const sessions = new Map<string, StripeObject>();
  const setupIntents = new Map<string, StripeObject>();
  const meters = new Map<string, StripeObject>();
  /** Accepted meter events by identifier: Stripe refuses an identifier it has seen (for at least 24 h). */
  const meterEvents = new Map<string, StripeObject>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const requests: SandboxRequest[] = [];
  let failure: Failure = { remaining: 0, afterCommit: false };
  let slowness: Slowness = { remaining: 0, ms: 0 };
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000/sandbox/stripe').replace(/\/$/, '');
  const webhookSigner = new Stripe(options.secretKey);

  function createSubscription(params: Record<string, unknown>): StripeObject | string {
    const customer = String(params.customer ?? '');
    if (!customers.has(customer)) return `No such customer: '${customer}'`;
    const items = (params.items as Array<Record<string, string>> | undefined) ?? [];
    const price = prices.get(items[0]?.price ?? '');
    if (!price) return `No such price: '${items[0]?.price ?? ''}'`;
    const trialDays = Number(params.trial_period_days ?? 0);
    const start = now();
    const trialEnd = trialDays > 0 ? start + trialDays * DAY : null;
    const periodEnd = trialEnd ?? start + 30 * DAY;
    const id = newId('sub');
    return {
      id,
      object: 'subscription',
      customer,
      status: trialEnd ? 'trialing' : 'active',
      trial_start: trialEnd ? start : null,
      trial_end: trialEnd,
      cancel_at_period_end: false,
      created: start,
      metadata: (params.metadata as object) ?? {},
      items: {
        object: 'list',
        data: [{ id: newId('si'), object: 'subscription_item', price, quantity: 1, subscription: id, current_period_start: start, current_period_end: periodEnd }],
      },
      default_payment_method: null,
      latest_invoice: null,
    };
  }

  const app = new Hono<{ Variables: { params: Record<string, unknown> } }>();

  app.use('/v1/*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${options.secretKey}`) {
      return stripeError(c, 401, 'Invalid API Key provided.', 'invalid_request_error');
    }
    const raw = c.req.method === 'GET' ? new URL(c.req.url).search.slice(1) : await c.req.text();
    const params = parseStripeForm(raw);
    c.set('params', params);
    const key = c.req.header('idempotency-key') ?? null;
    const record = (status: number) => requests.push({ method: c.req.method, path: c.req.path, idempotencyKey: key, params, status });

    if (slowness.remaining > 0 && c.req.method === 'POST' && (!slowness.path || c.req.path.endsWith(slowness.path))) {
      slowness.remaining -= 1;
      // The request is taken as it arrives and applied after the pause, as a slow Stripe would.
      await new Promise((resolve) => setTimeout(resolve, slowness.ms));
    }
    const failing = failure.remaining > 0 && c.req.method === 'POST' && (!failure.path || c.req.path.endsWith(failure.path));
    if (failing && !failure.afterCommit) {
      failure.remaining -= 1;
      record(500);
      return stripeError(c, 500, 'Sandbox outage (before the request ran).', 'api_error');
    }
    const cacheKey = key && c.req.method === 'POST' ? `${c.req.method} ${key}` : null;
    const saved = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (saved) {
      record(saved.status);
      return c.json(saved.body as object, saved.status as 200, { 'idempotent-replayed': 'true' });
    }
    await next();
    if (cacheKey && c.res.status < 500) idempotent.set(cacheKey, { status: c.res.status, body: await c.res.clone().json() });
    if (failing && failure.afterCommit) {
      // The object exists and the result is saved under the key, but the response is "lost".
      failure.remaining -= 1;
      record(500);
      c.res = undefined;
      c.res = new Response(JSON.stringify({ error: { type: 'api_error', message: 'Sandbox outage (after the request ran).' } }), { status: 500, headers: { 'content-type': 'application/json' } });
      return;
    }
    record(c.res.status);
  });

  for (const path of ID_PATHS) {
    app.use(path, async (c, next) => {
      if (!STRIPE_ID.test(c.req.param('id') ?? '')) return stripeError(c, 404, 'No such object: the id in this URL is not a Stripe id.', 'invalid_request_error', 'id');
      await next();
    });
  }

  const params = (c: Context<{ Variables: { params: Record<string, unknown> } }>) => c.get('params');
  /** A success, cancel or return URL as Stripe checks it (and, mounted in our API, only back to the app); null when absent. */
  const returnUrlParam = (p: Record<string, unknown>, name: string): { url: string | null } | { invalid: string } => {
    if (p[name] === undefined) return { url: null };
    const url = acceptableReturnUrl(p[name], options.returnOrigins);
    return url ? { url } : { invalid: name };
  };

  app.post('/v1/customers', (c) => {
    const p = params(c);
    const customer: StripeObject = {
      id: newId('cus'),
      object: 'customer',
      email: p.email ?? null,
      name: p.name ?? null,
      metadata: p.metadata ?? {},
      created: now(),
      invoice_settings: { default_payment_method: null },
      livemode: false,
    };
    customers.set(customer.id, customer);
    return c.json(customer);
  });
  app.get('/v1/customers/:id', (c) => {
    const customer = customers.get(c.req.param('id'));
    return customer ? c.json(customer) : stripeError(c, 404, `No such customer: '${c.req.param('id')}'`, 'invalid_request_error', 'id');
  });

  app.get('/v1/prices', (c) => {
    const p = params(c);
    const lookupKeys = (p.lookup_keys as string[] | undefined) ?? null;
    const data = [...prices.values()].filter((price) => !lookupKeys || lookupKeys.includes(String(price.lookup_key)));
    return c.json({ object: 'list', data, has_more: false, url: '/v1/prices' });
  });
  app.post('/v1/prices', (c) => {
    const p = params(c);
    const lookupKey = typeof p.lookup_key === 'string' ? p.lookup_key : null;
    if (lookupKey && [...prices.values()].some((price) => price.lookup_key === lookupKey) && p.transfer_lookup_key !== 'true') {
      return stripeError(c, 400, `A price (\`${lookupKey}\`) already uses that lookup key.`, 'invalid_request_error', 'lookup_key');
    }
    const recurring = p.recurring as { interval?: string; usage_type?: string; meter?: string } | undefined;
    if (recurring?.usage_type === 'metered' && !meters.has(String(recurring.meter ?? ''))) {
      return stripeError(c, 400, `No such billing meter: '${String(recurring.meter ?? '')}'`, 'invalid_request_error', 'recurring[meter]');
    }
    const price: StripeObject = {
      id: newId('price'),
      object: 'price',
      active: true,
      currency: p.currency ?? 'usd',
      unit_amount: Number(p.unit_amount ?? 0),
      lookup_key: lookupKey,
      nickname: p.nickname ?? null,
      recurring: recurring ? { interval: recurring.interval ?? 'month', interval_count: 1, usage_type: recurring.usage_type ?? 'licensed', meter: recurring.meter ?? null } : null,
      type: recurring ? 'recurring' : 'one_time',
      product: newId('prod'),
      metadata: p.metadata ?? {},
    };
    prices.set(price.id, price);
    return c.json(price);
  });

  app.post('/v1/subscription_items', (c) => {
    const p = params(c);
    const sub = subscriptions.get(String(p.subscription ?? ''));
    if (!sub) return stripeError(c, 400, `No such subscription: '${String(p.subscription ?? '')}'`, 'invalid_request_error', 'subscription');
    const price = prices.get(String(p.price ?? ''));
    if (!price) return stripeError(c, 400, `No such price: '${String(p.price ?? '')}'`, 'invalid_request_error', 'price');
    const list = sub.items as { data: Array<Record<string, unknown>> };
    if (list.data.some((item) => (item.price as StripeObject).id === price.id)) {
      return stripeError(c, 400, 'Cannot add multiple subscription items with the same price.', 'invalid_request_error', 'price');
    }
    const first = list.data[0] ?? {};
    const item = { id: newId('si'), object: 'subscription_item', price, subscription: sub.id, current_period_start: first.current_period_start, current_period_end: first.current_period_end };
    list.data.push(item);
    return c.json(item);
  });

  app.post('/v1/subscriptions', (c) => {
    const created = createSubscription(params(c));
    if (typeof created === 'string') return stripeError(c, 400, created);
    subscriptions.set(created.id, created);
    return c.json(created);
  });
  app.get('/v1/subscriptions/:id', (c) => {
    const sub = subscriptions.get(c.req.param('id'));
    return sub ? c.json(sub) : noSuchSubscription(c);
  });
  app.post('/v1/subscriptions/:id', (c) => {
    const sub = subscriptions.get(c.req.param('id'));
    if (!sub) return noSuchSubscription(c);
    const p = params(c);
    const items = (p.items as Array<Record<string, string>> | undefined) ?? [];
    const list = sub.items as { data: Array<Record<string, unknown>> };
    for (const item of items) {
      const price = prices.get(item.price ?? '');
      if (!price) return stripeError(c, 400, `No such price: '${item.price ?? ''}'`);
      const existing = list.data.find((d) => d.id === item.id);
      if (existing) existing.price = price;
      else return stripeError(c, 400, `No such subscription item: '${item.id ?? ''}'`);
    }
    if (p.cancel_at_period_end !== undefined) sub.cancel_at_period_end = p.cancel_at_period_end === 'true';
    if (typeof p.default_payment_method === 'string') sub.default_payment_method = p.default_payment_method;
    if (p.metadata) sub.metadata = { ...(sub.metadata as object), ...(p.metadata as object) };
    sub.proration_behavior_last = p.proration_behavior ?? 'create_prorations';
    return c.json(sub);
  });

  app.post('/v1/customers/:id', (c) => {
    const customer = customers.get(c.req.param('id'));
    if (!customer) return stripeError(c, 404, `No such customer: '${c.req.param('id')}'`, 'invalid_request_error', 'id');
    const p = params(c);
    if (p.invoice_settings) customer.invoice_settings = { ...(customer.invoice_settings as object), ...(p.invoice_settings as object) };
    if (p.metadata) customer.metadata = { ...(customer.metadata as object), ...(p.metadata as object) };
    return c.json(customer);
  });
  app.get('/v1/checkout/sessions/:id', (c) => {
    const session = sessions.get(c.req.param('id'));
    if (!session) return stripeError(c, 404, `No such checkout.session: '${c.req.param('id')}'`, 'invalid_request_error', 'id');
    const expand = (params(c).expand as string[] | undefined) ?? [];
    const intent = typeof session.setup_intent === 'string' ? setupIntents.get(session.setup_intent) : undefined;
    return c.json(expand.includes('setup_intent') && intent ? { ...session, setup_intent: intent } : session);
  });
  app.get('/v1/setup_intents/:id', (c) => {
    const intent = setupIntents.get(c.req.param('id'));
    return intent ? c.json(intent) : stripeError(c, 404, `No such setupintent: '${c.req.param('id')}'`, 'invalid_request_error', 'id');
  });
  app.post('/v1/subscriptions/:id/resume', (c) => {
    const sub = subscriptions.get(c.req.param('id'));
    if (!sub) return noSuchSubscription(c);
    if (sub.status !== 'paused') return stripeError(c, 400, 'Only a paused subscription can be resumed.');
    sub.status = 'active';
    return c.json(sub);
  });
  app.delete('/v1/subscriptions/:id', (c) => {
    const sub = subscriptions.get(c.req.param('id'));
    if (!sub) return noSuchSubscription(c);
    sub.status = 'canceled';
    sub.canceled_at = now();
    return c.json(sub);
  });

  app.post('/v1/checkout/sessions', (c) => {
    const p = params(c);
    if (!customers.has(String(p.customer ?? ''))) return stripeError(c, 400, `No such customer: '${String(p.customer ?? '')}'`, 'invalid_request_error', 'customer');
    const success = returnUrlParam(p, 'success_url');
    const cancel = returnUrlParam(p, 'cancel_url');
    for (const checked of [success, cancel]) if ('invalid' in checked) return stripeError(c, 400, 'Not a valid URL', 'invalid_request_error', checked.invalid);
    const id = newId('cs_test');
    const session: StripeObject = { id, object: 'checkout.session', mode: p.mode ?? 'setup', customer: p.customer, success_url: 'url' in success ? success.url : null, cancel_url: 'url' in cancel ? cancel.url : null, status: 'open', url: `${publicUrl}/pay/${id}` };
    sessions.set(id, session);
    return c.json(session);
  });
  app.post('/v1/billing_portal/sessions', (c) => {
    const p = params(c);
    if (!customers.has(String(p.customer ?? ''))) return stripeError(c, 400, `No such customer: '${String(p.customer ?? '')}'`, 'invalid_request_error', 'customer');
    const back = returnUrlParam(p, 'return_url');
    if ('invalid' in back) return stripeError(c, 400, 'Not a valid URL', 'invalid_request_error', back.invalid);
    const id = newId('bps');
    const session: StripeObject = { id, object: 'billing_portal.session', customer: p.customer, return_url: back.url, url: `${publicUrl}/portal/${id}` };
    sessions.set(id, session);
    return c.json(session);
  });

  // Billing Meters (usage-based billing): meters by event name, and meter events against them.
  app.get('/v1/billing/meters', (c) => {
    const status = params(c).status;
    const data = [...meters.values()].filter((meter) => !status || meter.status === status);
    return c.json({ object: 'list', data, has_more: false, url: '/v1/billing/meters' });
  });
  app.post('/v1/billing/meters', (c) => {
    const p = params(c);
    const eventName = typeof p.event_name === 'string' ? p.event_name : '';
    const formula = (p.default_aggregation as { formula?: string } | undefined)?.formula;
    if (!eventName) return stripeError(c, 400, 'Missing required param: event_name.', 'invalid_request_error', 'event_name');
    if (!formula || !['sum', 'count', 'last'].includes(formula)) return stripeError(c, 400, 'Invalid default_aggregation[formula].', 'invalid_request_error', 'default_aggregation[formula]');
    if ([...meters.values()].some((meter) => meter.event_name === eventName && meter.status === 'active')) {
      return stripeError(c, 400, `An active meter with event_name \`${eventName}\` already exists.`, 'invalid_request_error', 'event_name');
    }
    const mapping = (p.customer_mapping as { event_payload_key?: string } | undefined)?.event_payload_key ?? 'stripe_customer_id';
    const valueKey = (p.value_settings as { event_payload_key?: string } | undefined)?.event_payload_key ?? 'value';
    const meter: StripeObject = {
      id: newId('mtr'),
      object: 'billing.meter',
      created: now(),
      display_name: p.display_name ?? eventName,
      event_name: eventName,
      default_aggregation: { formula },
      customer_mapping: { event_payload_key: mapping, type: 'by_id' },
      value_settings: { event_payload_key: valueKey },
      event_time_window: null,
      status: 'active',
      livemode: false,
    };
    meters.set(meter.id, meter);
    return c.json(meter);
  });
  app.post('/v1/billing/meter_events', (c) => {
    const p = params(c);
    const eventName = typeof p.event_name === 'string' ? p.event_name : '';
    const meter = [...meters.values()].find((m) => m.event_name === eventName && m.status === 'active');
    if (!meter) return stripeError(c, 400, `No active meter with event_name \`${eventName}\`.`, 'invalid_request_error', 'event_name');
    const payload = (p.payload as Record<string, string> | undefined) ?? {};
    const customerKey = (meter.customer_mapping as { event_payload_key: string }).event_payload_key;
    const valueKey = (meter.value_settings as { event_payload_key: string }).event_payload_key;
    if (!customers.has(String(payload[customerKey] ?? ''))) return stripeError(c, 400, `No such customer: '${String(payload[customerKey] ?? '')}'`, 'invalid_request_error', `payload[${customerKey}]`);
    if (payload[valueKey] === undefined || !Number.isFinite(Number(payload[valueKey]))) return stripeError(c, 400, `payload[${valueKey}] must be a number.`, 'invalid_request_error', `payload[${valueKey}]`);
    const identifier = typeof p.identifier === 'string' && p.identifier ? p.identifier : newId('mev');
    // Stripe rejects a repeated identifier (rather than replaying it): 400, and not worth retrying.
    if (meterEvents.has(identifier)) {
      c.header('stripe-should-retry', 'false');
      return stripeError(c, 400, `An event already exists with identifier ${identifier}.`, 'invalid_request_error', 'identifier');
    }
    const event: StripeObject = { id: identifier, object: 'billing.meter_event', created: now(), event_name: eventName, identifier, livemode: false, payload, timestamp: p.timestamp === undefined ? now() : Number(p.timestamp) };
    meterEvents.set(identifier, event);
    return c.json(event);
  });

  // What an owner's link opens offline: plain pages standing in for Stripe's hosted ones (stripe-pages.ts).
  const checkoutSession = (c: Context) => {
    const id = c.req.param('id') ?? '';
    return CHECKOUT_SESSION_ID.test(id) ? sessions.get(id) : undefined;
  };
  /** Only what the sandbox accepted at creation is linked to (absolute http(s), on an allowed origin). */
  const linkable = (url: unknown) => acceptableReturnUrl(url, options.returnOrigins);
  app.get('/pay/:id', (c) => {
    const session = checkoutSession(c);
    if (!session) return unknownLinkPage(c, 'checkout');
    return checkoutPage(c, { done: session.status === 'complete', successUrl: linkable(session.success_url) });
  });
  app.post('/pay/:id', async (c) => {
    const found = checkoutSession(c);
    const session = found ? completeCheckout(found.id) : null;
    if (!session) return unknownLinkPage(c, 'checkout');
    if (options.webhookUrl) await deliver(options.webhookUrl, 'checkout.session.completed', session).catch(() => {});
    return c.redirect(linkable(session.success_url) ?? `${publicUrl}/pay/${session.id}`, 303);
  });
  app.get('/portal/:id', (c) => {
    const id = c.req.param('id');
    const session = PORTAL_SESSION_ID.test(id) ? sessions.get(id) : undefined;
    if (!session) return unknownLinkPage(c, 'billing portal');
    return portalPage(c, { returnUrl: linkable(session.return_url) });
  });

  /** The customer "enters" a test card on a setup-mode Checkout page: a payment method and a succeeded SetupIntent. */
  function completeCheckout(sessionId: string): StripeObject | null {
    const session = sessions.get(sessionId);
    if (!session) return null;
    if (session.status === 'complete') return session;
    const intent: StripeObject = { id: newId('seti'), object: 'setup_intent', customer: session.customer, payment_method: newId('pm'), status: 'succeeded' };
    setupIntents.set(intent.id, intent);
    Object.assign(session, { status: 'complete', setup_intent: intent.id });
    return session;
  }

  async function deliver(url: string, type: string, object: Record<string, unknown>) {
    const { payload, signature } = signedEvent(type, object);
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  }

  /** A Stripe event as a webhook delivers it, signed with the SDK's own test helper. */
  function signedEvent(type: string, object: Record<string, unknown>, eventOptions: { id?: string; created?: number; secret?: string } = {}) {
    const event = {
      id: eventOptions.id ?? newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: eventOptions.created ?? now(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    const payload = JSON.stringify(event);
    const signature = webhookSigner.webhooks.generateTestHeaderString({ payload, secret: eventOptions.secret ?? options.webhookSecret });
    return { event, payload, signature };
  }

  return {
    app,
    signedEvent,
    /** POSTs a signed event to a webhook URL (our `/stripe/webhook`), as Stripe would. */
    async sendEvent(url: string, type: string, object: Record<string, unknown>, eventOptions: { id?: string; created?: number } = {}) {
      const { event, payload, signature } = signedEvent(type, object, eventOptions);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
      return { event, status: response.status };
    },
    customers: () => [...customers.values()],
    prices: () => [...prices.values()],
    subscriptions: () => [...subscriptions.values()],
    subscription: (id: string) => subscriptions.get(id),
    sessions: () => [...sessions.values()],
    completeCheckout,
    meters: () => [...meters.values()],
    /** Meter events Stripe accepted (a repeated identifier is refused, so each appears once), oldest first. */
    meterEvents: () => [...meterEvents.values()],
    /** Every API request received, failed ones included, oldest first. */
    requests: (): readonly SandboxRequest[] => [...requests],
    /**
     * The next `count` POSTs (to paths ending in `path`, when given) fail with a 500. `afterCommit`:
     * the request runs and its result is saved under its idempotency key, but the caller sees a 500
     * — a lost response, the case idempotency keys exist for.
     */
    failNext(count: number, failOptions: { path?: string; afterCommit?: boolean } = {}) {
      failure = { remaining: count, path: failOptions.path, afterCommit: failOptions.afterCommit ?? false };
    },
    /** The next `count` POSTs (to paths ending in `path`, when given) are answered `ms` later: Stripe having a slow moment. */
    slowNext(count: number, ms: number, slowOptions: { path?: string } = {}) {
      slowness = { remaining: count, ms, path: slowOptions.path };
    },
    reset() {
      for (const map of [customers, prices, subscriptions, sessions, setupIntents, meters, meterEvents, idempotent]) map.clear();
      requests.length = 0;
      failure = { remaining: 0, afterCommit: false };
      slowness = { remaining: 0, ms: 0 };
    },
  };
}

export type StripeSandbox = ReturnType<typeof createStripeSandbox>;

const localSandboxes = new Map<string, StripeSandbox>();

/**
 * What the API mounts at /sandbox/stripe: the sandbox for the derived local key when no Stripe
 * account is configured (one per process, so every app instance sees the same objects), else nothing.
 */
export function localStripeSandbox(deps: Pick<AppDeps, 'config' | 'masterKey'>): StripeSandbox | null {
  const credentials = stripeCredentials(deps.config, deps.masterKey);
  if (!credentials.sandbox) return null;
  let sandbox = localSandboxes.get(credentials.secretKey);
  if (!sandbox) {
    sandbox = createStripeSandbox({
      ...credentials,
      publicUrl: `${deps.config.PUBLIC_BASE_URL}/sandbox/stripe`,
      webhookUrl: `${deps.config.PUBLIC_BASE_URL}/stripe/webhook`,
      // On the app's own origin: its pages only ever lead back into the app.
      returnOrigins: [new URL(deps.config.PUBLIC_BASE_URL).origin],
    });
    localSandboxes.set(credentials.secretKey, sandbox);
  }
  return sandbox;
}

/** The sandbox's routes in sandbox mode; an empty group (so a 404) when a real account is configured. */
export const stripeSandboxRoutes = (deps: Pick<AppDeps, 'config' | 'masterKey'>) => localStripeSandbox(deps)?.app ?? new Hono();
