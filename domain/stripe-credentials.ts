import type { Config } from './config.ts';
import { deriveKey } from './secrets.ts';

export interface StripeCredentials {
  secretKey: string;
  webhookSecret: string;
  /** True when no Stripe account is configured: payments stay in the local sandbox. */
  sandbox: boolean;
}

/**
 * The configured Stripe account, or a local sandbox key and webhook secret derived from the
 * encryption key — so the offline sandbox can sign webhook events our API accepts.
 */
export function stripeCredentials(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET'>, masterKey: Buffer): StripeCredentials {
  const derivedWebhookSecret = `whsec_${deriveKey(masterKey, 'stripe-sandbox-webhook-secret').toString('hex').slice(0, 32)}`;
  if (config.STRIPE_SECRET_KEY) {
    return { secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? derivedWebhookSecret, sandbox: false };
  }
  return {
    secretKey: `sk_test_sandbox_${deriveKey(masterKey, 'stripe-sandbox-secret-key').toString('hex').slice(0, 24)}`,
    webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? derivedWebhookSecret,
    sandbox: true,
  };
}
