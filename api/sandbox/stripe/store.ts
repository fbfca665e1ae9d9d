import { randomBytes } from 'node:crypto';

// What the Stripe sandbox remembers, in memory: the objects each resource creates, the answers
// saved under idempotency keys, every request it received, and the faults a test asked for.

export type StripeObject = Record<string, unknown> & { id: string };

export interface SandboxRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
  status: number;
}

export interface Faults {
  failure: { remaining: number; path?: string; afterCommit: boolean };
  slowness: { remaining: number; ms: number; path?: string };
}

export const DAY = 86_400;
/** Stripe's clock: seconds since the epoch. */
export const now = () => Math.floor(Date.now() / 1000);
/** A Stripe-shaped id: `<prefix>_` and 24 hex digits (the hosted pages check for exactly this). */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export function createSandboxStore() {
  return {
    customers: new Map<string, StripeObject>(),
    prices: new Map<string, StripeObject>(),
    subscriptions: new Map<string, StripeObject>(),
    /** Checkout and Customer Portal sessions. */
    sessions: new Map<string, StripeObject>(),
    setupIntents: new Map<string, StripeObject>(),
    /** A paid deposit's payment (payment-mode Checkout). */
    paymentIntents: new Map<string, StripeObject>(),
    meters: new Map<string, StripeObject>(),
    /** Accepted meter events by identifier: Stripe refuses an identifier it has seen (for at least 24 h). */
    meterEvents: new Map<string, StripeObject>(),
    /** The answer first given for `<method> <Idempotency-Key>`. */
    idempotent: new Map<string, { status: number; body: unknown }>(),
    requests: [] as SandboxRequest[],
    faults: noFaults(),
  };
}

export type SandboxStore = ReturnType<typeof createSandboxStore>;

export const noFaults = (): Faults => ({ failure: { remaining: 0, afterCommit: false }, slowness: { remaining: 0, ms: 0 } });

/** Forgets every object, saved answer, request and fault. */
export function clearStore(store: SandboxStore) {
  for (const map of [store.customers, store.prices, store.subscriptions, store.sessions, store.setupIntents, store.paymentIntents, store.meters, store.meterEvents, store.idempotent]) map.clear();
  store.requests.length = 0;
  store.faults = noFaults();
}
