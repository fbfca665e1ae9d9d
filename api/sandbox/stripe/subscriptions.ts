import { Hono } from 'hono';
import { noSuch, noSuchParam, params, stripeError, type SandboxEnv } from './http.ts';
import { DAY, newId, now, type SandboxStore, type StripeObject } from './store.ts';

// /v1/subscriptions (with a trial, plan changes, resume, cancel) and /v1/subscription_items.

type Item = Record<string, unknown>;
const itemsOf = (sub: StripeObject) => (sub.items as { data: Item[] }).data;

/** A subscription to one price, trialing for `trial_period_days`; an error message when a part is missing. */
function newSubscription(store: SandboxStore, p: Record<string, unknown>): StripeObject | string {
  const customer = String(p.customer ?? '');
  if (!store.customers.has(customer)) return `No such customer: '${customer}'`;
  const items = (p.items as Array<Record<string, string>> | undefined) ?? [];
  const price = store.prices.get(items[0]?.price ?? '');
  if (!price) return `No such price: '${items[0]?.price ?? ''}'`;
  const trialDays = Number(p.trial_period_days ?? 0);
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
    metadata: (p.metadata as object) ?? {},
    items: {
      object: 'list',
      data: [{ id: newId('si'), object: 'subscription_item', price, quantity: 1, subscription: id, current_period_start: start, current_period_end: periodEnd }],
    },
    default_payment_method: typeof p.default_payment_method === 'string' ? p.default_payment_method : null,
    latest_invoice: null,
  };
}

export function subscriptionRoutes(store: SandboxStore) {
  const find = (id: string) => store.subscriptions.get(id);
  return new Hono<SandboxEnv>()
    .post('/subscriptions', (c) => {
      const created = newSubscription(store, params(c));
      if (typeof created === 'string') return stripeError(c, 400, created);
      store.subscriptions.set(created.id, created);
      return c.json(created);
    })
    .get('/subscriptions/:id', (c) => {
      const sub = find(c.req.param('id'));
      return sub ? c.json(sub) : noSuch(c, 'subscription');
    })
    .post('/subscriptions/:id', (c) => {
      const sub = find(c.req.param('id'));
      if (!sub) return noSuch(c, 'subscription');
      const p = params(c);
      // A plan change swaps the price on an existing item.
      for (const item of (p.items as Array<Record<string, string>> | undefined) ?? []) {
        const price = store.prices.get(item.price ?? '');
        if (!price) return stripeError(c, 400, `No such price: '${item.price ?? ''}'`);
        const existing = itemsOf(sub).find((d) => d.id === item.id);
        if (!existing) return stripeError(c, 400, `No such subscription item: '${item.id ?? ''}'`);
        existing.price = price;
      }
      if (p.cancel_at_period_end !== undefined) sub.cancel_at_period_end = p.cancel_at_period_end === 'true';
      if (typeof p.default_payment_method === 'string') sub.default_payment_method = p.default_payment_method;
      if (p.metadata) sub.metadata = { ...(sub.metadata as object), ...(p.metadata as object) };
      sub.proration_behavior_last = p.proration_behavior ?? 'create_prorations';
      return c.json(sub);
    })
    .post('/subscriptions/:id/resume', (c) => {
      const sub = find(c.req.param('id'));
      if (!sub) return noSuch(c, 'subscription');
      if (sub.status !== 'paused') return stripeError(c, 400, 'Only a paused subscription can be resumed.');
      sub.status = 'active';
      return c.json(sub);
    })
    .delete('/subscriptions/:id', (c) => {
      const sub = find(c.req.param('id'));
      if (!sub) return noSuch(c, 'subscription');
      sub.status = 'canceled';
      sub.canceled_at = now();
      return c.json(sub);
    })
    .post('/subscription_items', (c) => {
      // A second price on the subscription (a metered usage price beside the plan).
      const p = params(c);
      const sub = find(String(p.subscription ?? ''));
      if (!sub) return noSuchParam(c, 'subscription', p.subscription, 'subscription');
      const price = store.prices.get(String(p.price ?? ''));
      if (!price) return noSuchParam(c, 'price', p.price, 'price');
      if (itemsOf(sub).some((item) => (item.price as StripeObject).id === price.id)) {
        return stripeError(c, 400, 'Cannot add multiple subscription items with the same price.', 'invalid_request_error', 'price');
      }
      const first = itemsOf(sub)[0] ?? {};
      const item = { id: newId('si'), object: 'subscription_item', price, subscription: sub.id, current_period_start: first.current_period_start, current_period_end: first.current_period_end };
      itemsOf(sub).push(item);
      return c.json(item);
    });
}
