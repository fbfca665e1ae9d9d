import { Hono } from 'hono';
import { stripeCredentials } from '../../../domain/stripe-credentials.ts';
import type { AppDeps } from '../../context.ts';
import { checkoutPages, checkoutRoutes, completeCheckout } from './checkout.ts';
import { customerRoutes } from './customers.ts';
import type { SandboxEnv } from './http.ts';
import { meterRoutes } from './meters.ts';
import { apiPipeline, ID_PATHS, stripeIdsOnly } from './pipeline.ts';
import { portalPages, portalRoutes } from './portal.ts';
import { priceRoutes } from './prices.ts';
import { clearStore, createSandboxStore, type SandboxRequest } from './store.ts';
import { subscriptionRoutes } from './subscriptions.ts';
import { webhookSender } from './webhooks.ts';

// Enough of Stripe's REST API for the official SDK to talk to: customers, prices (by lookup key),
// subscriptions with a trial, Checkout and Customer Portal sessions, billing meters — honouring
// Idempotency-Key as Stripe does. Two uses, one code: mounted in our API at /sandbox/stripe when no
// Stripe account is configured (offline `npm start`), and served on a free port by tests as the
// fake behind STRIPE_API_BASE_URL. It also signs webhook events with the SDK's own helper.
// One file per resource, each a Hono sub-app over the shared in-memory store (store.ts).

export { parseStripeForm } from './http.ts';
export type { SandboxRequest } from './store.ts';

export interface StripeSandboxOptions {
  secretKey: string;
  webhookSecret: string;
  /** Where the sandbox delivers the events its own pages cause (a card added at /pay/…); unset: nowhere. */
  webhookUrl?: string;
  /** Where Checkout / Portal "pages" live (links handed to owners). */
  publicUrl?: string;
  /**
   * The only origins a session's success, cancel or return URL may point at (mounted in our API:
   * the app's own). Unset (a test fake): any http(s) URL, as Stripe takes.
   */
  returnOrigins?: readonly string[];
}

export function createStripeSandbox(options: StripeSandboxOptions) {
  const store = createSandboxStore();
  const webhooks = webhookSender(options);
  const pages = { publicUrl: (options.publicUrl ?? 'http://localhost:3000/sandbox/stripe').replace(/\/$/, ''), returnOrigins: options.returnOrigins };
  const deliverCompleted = async (session: Record<string, unknown>) => {
    if (options.webhookUrl) await webhooks.sendEvent(options.webhookUrl, 'checkout.session.completed', session).catch(() => {});
  };

  const app = new Hono<SandboxEnv>();
  // Middleware first: it applies to every route mounted after it.
  app.use('/v1/*', apiPipeline(store, options.secretKey));
  for (const path of ID_PATHS) app.use(path, stripeIdsOnly);
  app
    .route('/v1', customerRoutes(store))
    .route('/v1', priceRoutes(store))
    .route('/v1', subscriptionRoutes(store))
    .route('/v1', checkoutRoutes(store, pages))
    .route('/v1', portalRoutes(store, pages))
    .route('/v1', meterRoutes(store))
    // What an owner's link opens offline: plain pages standing in for Stripe's hosted ones (pages.ts).
    .route('/', checkoutPages(store, { ...pages, completed: deliverCompleted }))
    .route('/', portalPages(store, pages));

  return {
    app,
    signedEvent: webhooks.signedEvent,
    /** POSTs a signed event to a webhook URL (our `/stripe/webhook`), as Stripe would. */
    sendEvent: webhooks.sendEvent,
    customers: () => [...store.customers.values()],
    prices: () => [...store.prices.values()],
    subscriptions: () => [...store.subscriptions.values()],
    subscription: (id: string) => store.subscriptions.get(id),
    sessions: () => [...store.sessions.values()],
    /** The customer "enters" a test card on a setup-mode Checkout page: a payment method and a succeeded SetupIntent. */
    completeCheckout: (sessionId: string) => completeCheckout(store, sessionId),
    meters: () => [...store.meters.values()],
    /** Meter events Stripe accepted (a repeated identifier is refused, so each appears once), oldest first. */
    meterEvents: () => [...store.meterEvents.values()],
    /** Every API request received, failed ones included, oldest first. */
    requests: (): readonly SandboxRequest[] => [...store.requests],
    /**
     * The next `count` POSTs (to paths ending in `path`, when given) fail with a 500. `afterCommit`:
     * the request runs and its result is saved under its idempotency key, but the caller sees a 500
     * — a lost response, the case idempotency keys exist for.
     */
    failNext(count: number, failOptions: { path?: string; afterCommit?: boolean } = {}) {
      store.faults.failure = { remaining: count, path: failOptions.path, afterCommit: failOptions.afterCommit ?? false };
    },
    /** The next `count` POSTs (to paths ending in `path`, when given) are answered `ms` later: Stripe having a slow moment. */
    slowNext(count: number, ms: number, slowOptions: { path?: string } = {}) {
      store.faults.slowness = { remaining: count, ms, path: slowOptions.path };
    },
    reset: () => clearStore(store),
  };
}

export type StripeSandbox = ReturnType<typeof createStripeSandbox>;

const localSandboxes = new Map<string, StripeSandbox>();

/**
 * What the API mounts at /sandbox/stripe: the sandbox for the derived local key when no Stripe
 * account is configured (one per process, so every app instance sees the same objects), else nothing.
 */
export function localStripeSandbox(deps: Pick<AppDeps, 'config' | 'masterKey'>): StripeSandbox | null {
  const credentials = stripeCredentials(deps.config, deps.masterKey);
  if (!credentials.sandbox) return null;
  let sandbox = localSandboxes.get(credentials.secretKey);
  if (!sandbox) {
    sandbox = createStripeSandbox({
      ...credentials,
      publicUrl: `${deps.config.PUBLIC_BASE_URL}/sandbox/stripe`,
      webhookUrl: `${deps.config.PUBLIC_BASE_URL}/stripe/webhook`,
      // On the app's own origin: its pages only ever lead back into the app.
      returnOrigins: [new URL(deps.config.PUBLIC_BASE_URL).origin],
    });
    localSandboxes.set(credentials.secretKey, sandbox);
  }
  return sandbox;
}

/** The sandbox's routes in sandbox mode; an empty group (so a 404) when a real account is configured. */
export const stripeSandboxRoutes = (deps: Pick<AppDeps, 'config' | 'masterKey'>) => localStripeSandbox(deps)?.app ?? new Hono();
