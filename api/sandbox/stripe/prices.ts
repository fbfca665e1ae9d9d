import { Hono } from 'hono';
import { params, stripeError, type SandboxEnv } from './http.ts';
import { newId, type SandboxStore, type StripeObject } from './store.ts';

/** /v1/prices: list (by lookup key) and create, flat or metered against a billing meter. */
export function priceRoutes(store: SandboxStore) {
  return new Hono<SandboxEnv>()
    .get('/prices', (c) => {
      const lookupKeys = (params(c).lookup_keys as string[] | undefined) ?? null;
      const data = [...store.prices.values()].filter((price) => !lookupKeys || lookupKeys.includes(String(price.lookup_key)));
      return c.json({ object: 'list', data, has_more: false, url: '/v1/prices' });
    })
    .post('/prices', (c) => {
      const p = params(c);
      const lookupKey = typeof p.lookup_key === 'string' ? p.lookup_key : null;
      if (lookupKey && [...store.prices.values()].some((price) => price.lookup_key === lookupKey) && p.transfer_lookup_key !== 'true') {
        return stripeError(c, 400, `A price (\`${lookupKey}\`) already uses that lookup key.`, 'invalid_request_error', 'lookup_key');
      }
      const recurring = p.recurring as { interval?: string; usage_type?: string; meter?: string } | undefined;
      if (recurring?.usage_type === 'metered' && !store.meters.has(String(recurring.meter ?? ''))) {
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
      store.prices.set(price.id, price);
      return c.json(price);
    });
}
