import type { Config, SettingProblem } from './config.ts';
import { deriveKey } from './secrets.ts';

export interface StripeCredentials {
  secretKey: string;
  webhookSecret: string;
  /** True when no Stripe account is configured: payments stay in the local sandbox. */
  sandbox: boolean;
}

type StripeSettings = Pick<Config, 'NODE_ENV' | 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET'>;

const SECRET_KEY = /^(sk|rk)_/;
const WEBHOOK_SECRET = /^whsec_/;
const KEY_WHERE = 'sk_test_… or sk_live_…, Stripe dashboard → Developers → API keys';
const SECRET_WHERE = 'the signing secret whsec_… of the endpoint $PUBLIC_BASE_URL/stripe/webhook: Stripe dashboard → Developers → Webhooks, or `stripe listen --forward-to localhost:3000/stripe/webhook`';
const SANDBOX = 'unset both to use the local sandbox';

/**
 * What stops start-up in the Stripe settings: a key and its webhook secret together or neither (a
 * key alone would bill for real while every webhook is refused; a secret alone runs the sandbox),
 * values that are what their names say, and a real account in production.
 */
export function stripeSettingsProblems(env: StripeSettings): SettingProblem[] {
  const { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: secret } = env;
  const problems: SettingProblem[] = [];
  if (key && !secret) problems.push({ variable: 'STRIPE_WEBHOOK_SECRET', message: `is required with STRIPE_SECRET_KEY, or every Stripe webhook is refused (${SECRET_WHERE})` });
  if (secret && !key) problems.push({ variable: 'STRIPE_SECRET_KEY', message: `is required with STRIPE_WEBHOOK_SECRET (${KEY_WHERE}); or ${SANDBOX}` });
  if (key && !SECRET_KEY.test(key)) problems.push({ variable: 'STRIPE_SECRET_KEY', message: `must be a secret key, sk_… or a restricted rk_… (${KEY_WHERE}); a publishable pk_… key cannot bill` });
  if (secret && !WEBHOOK_SECRET.test(secret)) problems.push({ variable: 'STRIPE_WEBHOOK_SECRET', message: `must start with whsec_ (${SECRET_WHERE})` });
  if (env.NODE_ENV === 'production') {
    if (!key) problems.push({ variable: 'STRIPE_SECRET_KEY', message: `is required in production: the built-in Stripe sandbox is for development (${KEY_WHERE})` });
    if (!secret) problems.push({ variable: 'STRIPE_WEBHOOK_SECRET', message: `is required in production (${SECRET_WHERE})` });
  }
  return problems;
}

/**
 * The configured Stripe account, or a local sandbox key and webhook secret derived from the
 * encryption key — so the offline sandbox can sign webhook events our API accepts. Half an
 * account is refused (parseConfig already stops start-up on it).
 */
export function stripeCredentials(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET'>, masterKey: Buffer): StripeCredentials {
  if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET) {
    return { secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, sandbox: false };
  }
  if (config.STRIPE_SECRET_KEY || config.STRIPE_WEBHOOK_SECRET) throw new Error('Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither (the local sandbox).');
  return {
    secretKey: `sk_test_sandbox_${deriveKey(masterKey, 'stripe-sandbox-secret-key').toString('hex').slice(0, 24)}`,
    webhookSecret: `whsec_${deriveKey(masterKey, 'stripe-sandbox-webhook-secret').toString('hex').slice(0, 32)}`,
    sandbox: true,
  };
}
