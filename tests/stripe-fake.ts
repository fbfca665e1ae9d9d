import { randomBytes } from 'node:crypto';
import { createStripeSandbox } from '../api/sandbox/stripe.ts';
import { serveLocally } from './serve-local.ts';

/**
 * The Stripe sandbox served on a free port with a real-looking test key and webhook secret, for
 * tests: the official SDK, pointed here by STRIPE_API_BASE_URL, does real HTTP to it, and the
 * events it signs verify with STRIPE_WEBHOOK_SECRET. Pass `env` to `createTestApp`.
 */
export async function startStripeFake() {
  const secretKey = `sk_test_${randomBytes(16).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const { url, close } = await serveLocally((request) => sandbox.app.fetch(request));
  // Created after the port is known (its Checkout links name it); no request arrives before.
  const sandbox = createStripeSandbox({ secretKey, webhookSecret, publicUrl: url });
  return {
    ...sandbox,
    url,
    secretKey,
    webhookSecret,
    env: { STRIPE_API_BASE_URL: url, STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret },
    close,
  };
}

export type StripeFake = Awaited<ReturnType<typeof startStripeFake>>;
