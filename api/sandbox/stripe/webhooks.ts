import Stripe from 'stripe';
import { newId, now } from './store.ts';

// Stripe events as a webhook delivers them, signed with the SDK's own test helper.

export function webhookSender(options: { secretKey: string; webhookSecret: string }) {
  const signer = new Stripe(options.secretKey);

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
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: eventOptions.secret ?? options.webhookSecret });
    return { event, payload, signature };
  }

  /** POSTs a signed event to a webhook URL (our `/stripe/webhook`), as Stripe would. */
  async function sendEvent(url: string, type: string, object: Record<string, unknown>, eventOptions: { id?: string; created?: number } = {}) {
    const { event, payload, signature } = signedEvent(type, object, eventOptions);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    return { event, status: response.status };
  }

  return { signedEvent, sendEvent };
}
