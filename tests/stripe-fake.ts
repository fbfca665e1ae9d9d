import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createStripeSandbox } from '../api/sandbox/stripe.ts';

/**
 * The Stripe sandbox served on a free port with a real-looking test key and webhook secret, for
 * tests: the official SDK, pointed here by STRIPE_API_BASE_URL, does real HTTP to it, and the
 * events it signs verify with STRIPE_WEBHOOK_SECRET. Pass `env` to `createTestApp`.
 */
export async function startStripeFake() {
  const secretKey = `sk_test_${randomBytes(16).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve({ fetch: (request) => sandbox.app.fetch(request), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
  });
  const url = `http://127.0.0.1:${port}`;
  // Created after the port is known (its Checkout links name it); no request arrives before.
  const sandbox = createStripeSandbox({ secretKey, webhookSecret, publicUrl: url });
  return {
    ...sandbox,
    url,
    secretKey,
    webhookSecret,
    env: { STRIPE_API_BASE_URL: url, STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

export type StripeFake = Awaited<ReturnType<typeof startStripeFake>>;
