import { Hono } from 'hono';
import { params, stripeError, type SandboxEnv } from './http.ts';
import { newId, now, type SandboxStore, type StripeObject } from './store.ts';

// Billing Meters (usage-based billing): meters by event name, and meter events against them.

export function meterRoutes(store: SandboxStore) {
  const activeMeter = (eventName: string) => [...store.meters.values()].find((meter) => meter.event_name === eventName && meter.status === 'active');
  return new Hono<SandboxEnv>()
    .get('/billing/meters', (c) => {
      const status = params(c).status;
      const data = [...store.meters.values()].filter((meter) => !status || meter.status === status);
      return c.json({ object: 'list', data, has_more: false, url: '/v1/billing/meters' });
    })
    .post('/billing/meters', (c) => {
      const p = params(c);
      const eventName = typeof p.event_name === 'string' ? p.event_name : '';
      const formula = (p.default_aggregation as { formula?: string } | undefined)?.formula;
      if (!eventName) return stripeError(c, 400, 'Missing required param: event_name.', 'invalid_request_error', 'event_name');
      if (!formula || !['sum', 'count', 'last'].includes(formula)) return stripeError(c, 400, 'Invalid default_aggregation[formula].', 'invalid_request_error', 'default_aggregation[formula]');
      if (activeMeter(eventName)) return stripeError(c, 400, `An active meter with event_name \`${eventName}\` already exists.`, 'invalid_request_error', 'event_name');
      const meter: StripeObject = {
        id: newId('mtr'),
        object: 'billing.meter',
        created: now(),
        display_name: p.display_name ?? eventName,
        event_name: eventName,
        default_aggregation: { formula },
        customer_mapping: { event_payload_key: (p.customer_mapping as { event_payload_key?: string } | undefined)?.event_payload_key ?? 'stripe_customer_id', type: 'by_id' },
        value_settings: { event_payload_key: (p.value_settings as { event_payload_key?: string } | undefined)?.event_payload_key ?? 'value' },
        event_time_window: null,
        status: 'active',
        livemode: false,
      };
      store.meters.set(meter.id, meter);
      return c.json(meter);
    })
    .post('/billing/meter_events', (c) => {
      const p = params(c);
      const eventName = typeof p.event_name === 'string' ? p.event_name : '';
      const meter = activeMeter(eventName);
      if (!meter) return stripeError(c, 400, `No active meter with event_name \`${eventName}\`.`, 'invalid_request_error', 'event_name');
      const payload = (p.payload as Record<string, string> | undefined) ?? {};
      const customerKey = (meter.customer_mapping as { event_payload_key: string }).event_payload_key;
      const valueKey = (meter.value_settings as { event_payload_key: string }).event_payload_key;
      if (!store.customers.has(String(payload[customerKey] ?? ''))) return stripeError(c, 400, `No such customer: '${String(payload[customerKey] ?? '')}'`, 'invalid_request_error', `payload[${customerKey}]`);
      if (payload[valueKey] === undefined || !Number.isFinite(Number(payload[valueKey]))) return stripeError(c, 400, `payload[${valueKey}] must be a number.`, 'invalid_request_error', `payload[${valueKey}]`);
      const identifier = typeof p.identifier === 'string' && p.identifier ? p.identifier : newId('mev');
      // Stripe rejects a repeated identifier (rather than replaying it): 400, and not worth retrying.
      if (store.meterEvents.has(identifier)) {
        c.header('stripe-should-retry', 'false');
        return stripeError(c, 400, `An event already exists with identifier ${identifier}.`, 'invalid_request_error', 'identifier');
      }
      const event: StripeObject = { id: identifier, object: 'billing.meter_event', created: now(), event_name: eventName, identifier, livemode: false, payload, timestamp: p.timestamp === undefined ? now() : Number(p.timestamp) };
      store.meterEvents.set(identifier, event);
      return c.json(event);
    });
}
