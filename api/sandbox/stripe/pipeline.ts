import type { Context, MiddlewareHandler, Next } from 'hono';
import { parseStripeForm, stripeError, type SandboxEnv } from './http.ts';
import type { SandboxStore } from './store.ts';

// Every /v1 request goes through this before its resource sees it, as at Stripe: the secret key,
// the form parsed, the faults a test asked for (a slow or failing Stripe), the answer replayed for
// an Idempotency-Key seen before, and the request logged with the status it got.

const matches = (c: Context, fault: { remaining: number; path?: string }) => fault.remaining > 0 && c.req.method === 'POST' && (!fault.path || c.req.path.endsWith(fault.path));

export function apiPipeline(store: SandboxStore, secretKey: string): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${secretKey}`) {
      return stripeError(c, 401, 'Invalid API Key provided.', 'invalid_request_error');
    }
    const raw = c.req.method === 'GET' ? new URL(c.req.url).search.slice(1) : await c.req.text();
    const params = parseStripeForm(raw);
    c.set('params', params);
    const key = c.req.header('idempotency-key') ?? null;
    const record = (status: number) => store.requests.push({ method: c.req.method, path: c.req.path, idempotencyKey: key, params, status });

    await slowDown(c, store);
    // store.faults is read afresh at each use: a test may ask for other faults while a request waits.
    const failing = matches(c, store.faults.failure);
    if (failing && !store.faults.failure.afterCommit) {
      store.faults.failure.remaining -= 1;
      record(500);
      return stripeError(c, 500, 'Sandbox outage (before the request ran).', 'api_error');
    }
    const cacheKey = key && c.req.method === 'POST' ? `${c.req.method} ${key}` : null;
    const saved = cacheKey ? store.idempotent.get(cacheKey) : undefined;
    if (saved) {
      record(saved.status);
      return c.json(saved.body as object, saved.status as 200, { 'idempotent-replayed': 'true' });
    }
    await next();
    if (cacheKey && c.res.status < 500) store.idempotent.set(cacheKey, { status: c.res.status, body: await c.res.clone().json() });
    if (failing && store.faults.failure.afterCommit) {
      store.faults.failure.remaining -= 1;
      record(500);
      loseResponse(c);
      return;
    }
    record(c.res.status);
  };
}

/** The request is taken as it arrives and applied after the pause, as a slow Stripe would. */
async function slowDown(c: Context, store: SandboxStore) {
  const { slowness } = store.faults;
  if (!matches(c, slowness)) return;
  slowness.remaining -= 1;
  await new Promise((resolve) => setTimeout(resolve, slowness.ms));
}

/** The object exists and the result is saved under the key, but the response is "lost". */
function loseResponse(c: Context) {
  c.res = undefined;
  c.res = new Response(JSON.stringify({ error: { type: 'api_error', message: 'Sandbox outage (after the request ran).' } }), { status: 500, headers: { 'content-type': 'application/json' } });
}

/** What a Stripe object id looks like (`cus_…`, `cs_test_…`); anything else in a path is not looked up, nor echoed. */
const STRIPE_ID = /^[a-z]{2,8}(?:_test)?_[A-Za-z0-9]{1,255}$/;
export const ID_PATHS = ['/v1/customers/:id', '/v1/subscriptions/:id', '/v1/subscriptions/:id/*', '/v1/checkout/sessions/:id', '/v1/setup_intents/:id', '/v1/payment_intents/:id'];

export const stripeIdsOnly: MiddlewareHandler = async (c: Context, next: Next) => {
  if (!STRIPE_ID.test(c.req.param('id') ?? '')) return stripeError(c, 404, 'No such object: the id in this URL is not a Stripe id.', 'invalid_request_error', 'id');
  await next();
};
