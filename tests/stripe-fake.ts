import { randomBytes } from 'node:crypto';
import { createStripeSandbox } from '../api/sandbox/stripe.ts';
import { serveLocally } from './serve-local.ts';

/**
 * The Stripe sandbox served on a free port, for tests: the official SDK, pointed here by
 * STRIPE_API_BASE_URL, does real HTTP to it, and the events it signs verify with the webhook
 * secret. With no `account`, a real-looking test key and secret of its own (`env` configures
 * them); given one (the local sandbox account), `env` only points the SDK here. Test apps start
 * theirs through `createTestApp` (tests/provider-fakes.ts).
 */
export async function startStripeFake(account?: { secretKey: string; webhookSecret: string }) {
  const secretKey = account?.secretKey ?? `sk_test_${randomBytes(16).toString('hex')}`;
  const webhookSecret = account?.webhookSecret ?? `whsec_${randomBytes(16).toString('hex')}`;
  const { url, close } = await serveLocally((request) => sandbox.app.fetch(request));
  // Created after the port is known (its Checkout links name it); no request arrives before.
  const sandbox = createStripeSandbox({ secretKey, webhookSecret, publicUrl: url });
  return {
    ...sandbox,
    url,
    secretKey,
    webhookSecret,
    env: { STRIPE_API_BASE_URL: url, ...(account ? {} : { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret }) } as Record<string, string>,
    close,
  };
}

export type StripeFake = Awaited<ReturnType<typeof startStripeFake>>;
