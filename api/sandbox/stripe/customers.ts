import { Hono } from 'hono';
import { noSuch, params, type SandboxEnv } from './http.ts';
import { newId, now, type SandboxStore, type StripeObject } from './store.ts';

/** /v1/customers: create, read, and update the default card and metadata. */
export function customerRoutes(store: SandboxStore) {
  return new Hono<SandboxEnv>()
    .post('/customers', (c) => {
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
      store.customers.set(customer.id, customer);
      return c.json(customer);
    })
    .get('/customers/:id', (c) => {
      const customer = store.customers.get(c.req.param('id'));
      return customer ? c.json(customer) : noSuch(c, 'customer');
    })
    .post('/customers/:id', (c) => {
      const customer = store.customers.get(c.req.param('id'));
      if (!customer) return noSuch(c, 'customer');
      const p = params(c);
      if (p.invoice_settings) customer.invoice_settings = { ...(customer.invoice_settings as object), ...(p.invoice_settings as object) };
      if (p.metadata) customer.metadata = { ...(customer.metadata as object), ...(p.metadata as object) };
      return c.json(customer);
    });
}
