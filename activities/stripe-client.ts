import Stripe from 'stripe';
import type { Config } from '../domain/config.ts';
import { stripeCredentials } from '../domain/stripe-credentials.ts';

/** Where the local Stripe sandbox is mounted in our own API (api/sandbox/stripe.ts). */
export const STRIPE_SANDBOX_PATH = '/sandbox/stripe';

/** The base URL the client talks to: an explicit override, the local sandbox, or Stripe itself (undefined). */
export function stripeApiBaseUrl(config: Pick<Config, 'STRIPE_API_BASE_URL' | 'PUBLIC_BASE_URL'>, sandbox: boolean): string | undefined {
  if (config.STRIPE_API_BASE_URL) return config.STRIPE_API_BASE_URL;
  return sandbox ? `${config.PUBLIC_BASE_URL}${STRIPE_SANDBOX_PATH}` : undefined;
}

/** The SDK's host/port/protocol options for a base URL, and the path prefix it may carry. */
export function stripeHostOptions(baseUrl: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https'; prefix: string } {
  if (!baseUrl) return { prefix: '' };
  const url = new URL(baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol, prefix: url.pathname.replace(/\/$/, '') };
}

/** The SDK's own Node HTTP client with a path prefix (the sandbox lives under /sandbox/stripe in our API). */
function prefixedHttpClient(prefix: string): Stripe.HttpClient {
  const inner = Stripe.createNodeHttpClient();
  const client = Object.create(inner) as Stripe.HttpClient;
  client.makeRequest = (host, port, path, method, headers, requestData, protocol, timeout) =>
    inner.makeRequest(host, port, `${prefix}${path}`, method, headers, requestData, protocol, timeout);
  return client;
}

/**
 * The official Stripe client for the configured account. With no secret key it talks to the local
 * sandbox mounted in our API, so `npm start` takes test payments offline. The SDK's own network
 * retries are off: a failed call fails the activity, and Temporal's retry (with the same
 * idempotency key) is the one retry policy.
 */
export function createStripeClient(config: Config, masterKey: Buffer, options: { timeoutMs?: number } = {}): Stripe {
  const credentials = stripeCredentials(config, masterKey);
  const { prefix, ...host } = stripeHostOptions(stripeApiBaseUrl(config, credentials.sandbox));
  return new Stripe(credentials.secretKey, {
    ...host,
    ...(prefix ? { httpClient: prefixedHttpClient(prefix) } : {}),
    maxNetworkRetries: 0,
    timeout: options.timeoutMs ?? 10_000,
    telemetry: false,
  });
}
