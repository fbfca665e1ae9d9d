import { isAutomation, type SmsKind } from './sms-kinds.ts';
import type { TenantStatus, TenantTier } from './tenancy.ts';

// Pure billing decisions, shared by the billing activities and the billing workflow.

const TIER_RANK: Record<TenantTier, number> = { starter: 0, pro: 1, elite: 2 };

/** The Stripe price of a tier is found (and ensured) by this lookup key, never by a stored id. */
export const priceLookupKey = (tier: TenantTier) => `servicepro_${tier}_monthly`;

/** Upgrades take effect at once (prorated); downgrades at the end of the paid period; same tier: nothing. */
export function planChangeTiming(from: TenantTier, to: TenantTier): 'now' | 'period_end' | 'none' {
  if (from === to) return 'none';
  return TIER_RANK[to] > TIER_RANK[from] ? 'now' : 'period_end';
}

/** During the trial nothing has been paid for, so a downgrade (like an upgrade) applies at once. */
export function planChangeTimingFor(status: TenantStatus, from: TenantTier, to: TenantTier): 'now' | 'period_end' | 'none' {
  const timing = planChangeTiming(from, to);
  return timing === 'period_end' && status === 'trialing' ? 'now' : timing;
}

/**
 * Why an outgoing text is held back by the tenant's billing status, or null when it may go.
 * Past due: campaigns stop first. Suspended or closed: every automation (auto-replies included)
 * stops too. Replies, keyword answers and alerts to the owner always go (the owner must hear about billing).
 */
export function pausedByBilling(status: TenantStatus, kind: SmsKind): string | null {
  const paused = status === 'suspended' || status === 'closed';
  if (kind === 'campaign' && (paused || status === 'past_due')) return 'Campaigns are paused while the account has an unpaid invoice.';
  if (isAutomation(kind) && paused) return 'Automations are paused while the account is paused.';
  return null;
}

/**
 * The Stripe Idempotency-Key of one mutating step of a workflow: the workflow id plus a step name
 * the workflow chooses (stable across activity attempts and worker restarts, and unique per
 * intended effect — e.g. `change-plan:7` for the tenant's 7th plan change). A retried activity
 * therefore repeats the request under the same key and Stripe answers with the first result.
 */
export function stripeIdempotencyKey(workflowId: string, step: string): string {
  if (!workflowId || !step) throw new Error('an idempotency key needs a workflow id and a step name');
  // Stripe accepts keys up to 255 characters.
  return `${workflowId}:${step}`.slice(0, 255);
}

// ── The billing life as a pure decision (the billing workflow's next step applies it) ──────────


/** What the billing workflow knows of one tenant; small and bounded, carried across continue-as-new. */
export interface BillingLife {
  status: TenantStatus;
  isRoot: boolean;
  hasPaymentMethod: boolean;
  trialReminded: boolean;
  /** Stripe event ids already applied (the most recent `EVENT_MEMORY`). */
  seenEvents: string[];
  /** Invoices known to be paid, and invoices the owner was warned about (most recent `INVOICE_MEMORY` each). */
  paidInvoices: string[];
  warnedInvoices: string[];
}

export const EVENT_MEMORY = 500;
export const INVOICE_MEMORY = 50;

/** Stripe webhook events (with the object's current state) and the workflow's own timers. */
export type BillingEvent =
  | { kind: 'invoice.paid'; eventId: string; invoiceId: string }
  | { kind: 'invoice.payment_failed'; eventId: string; invoiceId: string; invoiceStatus: string }
  | { kind: 'subscription.updated'; eventId: string; subscriptionStatus: string; hasPaymentMethod: boolean }
  | { kind: 'subscription.deleted'; eventId: string }
  | { kind: 'trial_will_end'; eventId: string }
  | { kind: 'payment_method.added'; eventId: string; checkoutSessionId: string }
  | { kind: 'trial.ended' }
  | { kind: 'grace.ended' };

export type BillingEffect =
  | { type: 'set-status'; status: TenantStatus }
  | { type: 'warn-owner-payment-failed'; invoiceId: string }
  | { type: 'remind-trial-ending' }
  | { type: 'start-grace' }
  | { type: 'attach-payment-method'; checkoutSessionId: string };

export const initialBillingLife = (status: TenantStatus, isRoot: boolean): BillingLife => ({
  status,
  isRoot,
  hasPaymentMethod: false,
  trialReminded: false,
  seenEvents: [],
  paidInvoices: [],
  warnedInvoices: [],
});

const remember = (list: string[], id: string, max: number) => (list.includes(id) ? list : [...list, id].slice(-max));

/**
 * Applies one event once, deciding from the state the event carries rather than from arrival
 * order: a late `payment_failed` for an invoice already paid changes nothing; a duplicate event id
 * changes nothing; root is never made past due or suspended; a closed tenant stays closed.
 */
export function decideBilling(life: BillingLife, event: BillingEvent): { life: BillingLife; effects: BillingEffect[] } {
  if ('eventId' in event && life.seenEvents.includes(event.eventId)) return { life, effects: [] };
  let next: BillingLife = 'eventId' in event ? { ...life, seenEvents: remember(life.seenEvents, event.eventId, EVENT_MEMORY) } : { ...life };
  const effects: BillingEffect[] = [];
  const moveTo = (status: TenantStatus) => {
    if (next.status === status || next.status === 'closed') return;
    if (next.isRoot && (status === 'past_due' || status === 'suspended')) return;
    next = { ...next, status };
    effects.push({ type: 'set-status', status });
    if (status === 'past_due') effects.push({ type: 'start-grace' });
  };

  switch (event.kind) {
    case 'invoice.paid':
      next = { ...next, paidInvoices: remember(next.paidInvoices, event.invoiceId, INVOICE_MEMORY) };
      moveTo('active');
      break;
    case 'invoice.payment_failed': {
      if (next.paidInvoices.includes(event.invoiceId) || event.invoiceStatus === 'paid' || event.invoiceStatus === 'void') break;
      if (next.status === 'active' || next.status === 'trialing') moveTo('past_due');
      if (next.status === 'past_due' && !next.warnedInvoices.includes(event.invoiceId)) {
        next = { ...next, warnedInvoices: remember(next.warnedInvoices, event.invoiceId, INVOICE_MEMORY) };
        effects.push({ type: 'warn-owner-payment-failed', invoiceId: event.invoiceId });
      }
      break;
    }
    case 'subscription.updated':
      next = { ...next, hasPaymentMethod: event.hasPaymentMethod };
      if (event.subscriptionStatus === 'active' && next.status === 'past_due') moveTo('active');
      else if (event.subscriptionStatus === 'past_due' && next.status === 'active') moveTo('past_due');
      else if (['canceled', 'unpaid', 'paused', 'incomplete_expired'].includes(event.subscriptionStatus)) moveTo('suspended');
      break;
    case 'payment_method.added':
      // Checkout saved a card: it becomes the default, and a paused subscription resumes (the invoice that follows decides the status).
      next = { ...next, hasPaymentMethod: true };
      effects.push({ type: 'attach-payment-method', checkoutSessionId: event.checkoutSessionId });
      break;
    case 'subscription.deleted':
      moveTo('suspended');
      break;
    case 'trial_will_end':
      if (next.status === 'trialing' && !next.trialReminded) {
        next = { ...next, trialReminded: true };
        effects.push({ type: 'remind-trial-ending' });
      }
      break;
    case 'trial.ended':
      // With a card on file the first invoice decides; without one the tenant pauses (never deleted).
      if (next.status === 'trialing' && !next.hasPaymentMethod) moveTo('suspended');
      break;
    case 'grace.ended':
      if (next.status === 'past_due') moveTo('suspended');
      break;
  }
  return { life: next, effects };
}
