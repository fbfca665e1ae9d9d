import * as wf from '@temporalio/workflow';
import type { BillingActivities, MessagingActivities } from '../activities/contracts.ts';
import { decideBilling, initialBillingLife, stripeIdempotencyKey, type BillingEffect, type BillingEvent, type BillingLife } from '../domain/billing.ts';
import { ROOT_TENANT_ID, type TenantStatus, type TenantTier } from '../domain/tenancy.ts';
import { TenantStatusKey, TenantTierKey } from './search-attributes.ts';

// The long-lived billing life of one tenant (`billing:<tenantId>`): tier and status, and — when
// started with `stripe` durations — the Stripe customer and trialing subscription, the trial
// timer with its reminder, and dunning (past due → grace timer → suspended) driven by Stripe
// webhook events. Decisions live in domain/billing.ts (`decideBilling`); this file only waits,
// calls activities and keeps the search attributes current.

export interface BillingDurations {
  /** Trial length Stripe is told, in days; the workflow's own timer is `trialMs`. */
  trialDays: number;
  trialMs: number;
  /** The owner is reminded this long before the trial ends. */
  reminderBeforeMs: number;
  /** How long a past-due tenant keeps working before it is suspended. */
  graceMs: number;
}

export interface TenantBillingInput {
  tenantId: string;
  tier: TenantTier;
  status: TenantStatus;
}

export interface TenantBillingState extends TenantBillingInput {
  /** How many tier changes and closings the tenant has had, carried across continue-as-new. */
  changes: number;
  /** With Stripe: how many webhook events this run has processed (duplicates included). */
  stripeEventsProcessed?: number;
}

/** What a Stripe-driven run carries across continue-as-new. */
export interface StripeBillingCarry {
  durations: BillingDurations;
  life?: BillingLife;
  setupDone?: boolean;
  trialEndsAt?: number | null;
  reminderAt?: number | null;
  graceEndsAt?: number | null;
  pendingPlanChanges?: PlanChange[];
}

interface PlanChange {
  from: TenantTier;
  to: TenantTier;
  /** The change's number (`changes` when it arrived): its idempotency key is `change-plan:<n>`. */
  n: number;
}

export const billingStateQuery = wf.defineQuery<TenantBillingState>('billingState');
export const tierChangedSignal = wf.defineSignal<[TenantTier]>('tierChanged');
export const tenantClosedSignal = wf.defineSignal('tenantClosed');
/** A Stripe webhook event, already mapped to its decision input (webhook: api/stripe/webhook.ts). */
export const stripeEventSignal = wf.defineSignal<[Extract<BillingEvent, { eventId: string }>]>('stripeEvent');

const stripe = wf.proxyActivities<BillingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: ['StripeRejected', 'NoStripeCustomer'] },
});
const messaging = wf.proxyActivities<MessagingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber'] },
});

export async function tenantBilling(input: TenantBillingInput & { changes?: number; stripe?: StripeBillingCarry }): Promise<void> {
  const state: TenantBillingState = { tenantId: input.tenantId, tier: input.tier, status: input.status, changes: input.changes ?? 0 };

  const publish = () =>
    wf.upsertSearchAttributes([
      { key: TenantTierKey, value: state.tier },
      { key: TenantStatusKey, value: state.status },
    ]);

  wf.setHandler(billingStateQuery, () => state);

  if (!input.stripe) {
    // Without Stripe durations: tier and status only (runs started before Stripe billing existed).
    wf.setHandler(tierChangedSignal, (tier) => {
      state.tier = tier;
      state.changes += 1;
      publish();
    });
    wf.setHandler(tenantClosedSignal, () => {
      state.status = 'closed';
      state.changes += 1;
      publish();
    });

    // An entity that lives for months: hand over to a fresh run before the history grows large.
    await wf.condition(() => wf.workflowInfo().continueAsNewSuggested);
    await wf.condition(wf.allHandlersFinished);
    await wf.continueAsNew<typeof tenantBilling>({ tenantId: state.tenantId, tier: state.tier, status: state.status, changes: state.changes });
    return;
  }

  await stripeBilling(state, publish, input.stripe);
}

async function stripeBilling(state: TenantBillingState, publish: () => void, carry: StripeBillingCarry): Promise<void> {
  const { durations } = carry;
  const { workflowId } = wf.workflowInfo();
  const key = (step: string) => stripeIdempotencyKey(workflowId, step);
  let life = carry.life ?? initialBillingLife(state.status, state.tenantId === ROOT_TENANT_ID);
  let setupDone = carry.setupDone ?? life.isRoot; // root has no subscription
  const startedAt = Date.now(); // deterministic in workflow code
  let trialEndsAt = carry.trialEndsAt !== undefined ? carry.trialEndsAt : state.status === 'trialing' && !life.isRoot ? startedAt + durations.trialMs : null;
  let reminderAt = carry.reminderAt !== undefined ? carry.reminderAt : trialEndsAt !== null ? trialEndsAt - durations.reminderBeforeMs : null;
  let graceEndsAt = carry.graceEndsAt ?? null;
  const events: Extract<BillingEvent, { eventId: string }>[] = [];
  const planChanges: PlanChange[] = [...(carry.pendingPlanChanges ?? [])];

  wf.setHandler(tierChangedSignal, (tier) => {
    if (!life.isRoot) planChanges.push({ from: state.tier, to: tier, n: state.changes + 1 });
    state.tier = tier;
    state.changes += 1;
    publish();
  });
  wf.setHandler(tenantClosedSignal, () => {
    state.status = 'closed';
    life = { ...life, status: 'closed' };
    state.changes += 1;
    publish();
  });
  wf.setHandler(stripeEventSignal, (event) => {
    events.push(event);
  });

  async function notifyOwner(body: string, step: string) {
    const owner = await stripe.loadBillingOwner({ tenantId: state.tenantId });
    if (!owner.phone) return;
    try {
      await messaging.sendSms({ tenantId: state.tenantId, to: owner.phone, body, idempotencyKey: key(step), kind: 'owner-alert', customerId: null });
    } catch (error) {
      wf.log.warn('owner not texted', { step, error: String(error) });
    }
  }

  async function perform(effect: BillingEffect) {
    switch (effect.type) {
      case 'set-status':
        state.status = effect.status;
        publish();
        await stripe.setTenantStatus({ tenantId: state.tenantId, status: effect.status });
        break;
      case 'start-grace':
        graceEndsAt = Date.now() + durations.graceMs;
        break;
      case 'warn-owner-payment-failed':
        await notifyOwner('ServicePro: your last payment did not go through. Please update your card to keep your phone line and automations running.', `warn-payment-failed:${effect.invoiceId}`);
        break;
      case 'remind-trial-ending':
        await notifyOwner('ServicePro: your free trial ends in 3 days. Add a card to keep your phone line, texts and website running.', 'remind-trial-ending');
        break;
    }
  }

  async function apply(event: BillingEvent) {
    const decided = decideBilling(life, event);
    life = decided.life;
    for (const effect of decided.effects) await perform(effect);
  }

  if (!setupDone) {
    try {
      await stripe.ensureCustomer({ tenantId: state.tenantId, idempotencyKey: key('ensure-customer') });
      await stripe.ensureSubscription({ tenantId: state.tenantId, tier: state.tier, trialDays: durations.trialDays, idempotencyKey: key('ensure-subscription') });
      setupDone = true;
    } catch (error) {
      // Stripe refused (a 4xx): the trial timers still run; the next run tries again.
      wf.log.error('Stripe customer or subscription not created', { error: String(error) });
    }
  }

  for (;;) {
    const next = Math.min(reminderAt ?? Infinity, trialEndsAt ?? Infinity, graceEndsAt ?? Infinity);
    const ready = () => events.length > 0 || planChanges.length > 0 || wf.workflowInfo().continueAsNewSuggested;
    if (next === Infinity) await wf.condition(ready);
    else if (next > Date.now()) await wf.condition(ready, next - Date.now());

    const now = Date.now();
    if (reminderAt !== null && now >= reminderAt) {
      reminderAt = null;
      await apply({ kind: 'trial_will_end', eventId: 'timer:trial-reminder' });
    }
    if (trialEndsAt !== null && now >= trialEndsAt) {
      trialEndsAt = null;
      await apply({ kind: 'trial.ended' });
    }
    if (graceEndsAt !== null && now >= graceEndsAt) {
      graceEndsAt = null;
      await apply({ kind: 'grace.ended' });
    }
    while (events.length > 0) {
      await apply(events.shift()!);
      state.stripeEventsProcessed = (state.stripeEventsProcessed ?? 0) + 1;
    }
    while (planChanges.length > 0) {
      const change = planChanges[0]!;
      try {
        if (state.status !== 'closed' && setupDone) await stripe.changePlan({ tenantId: state.tenantId, from: change.from, to: change.to, idempotencyKey: key(`change-plan:${change.n}`) });
      } catch (error) {
        // Stripe refused (a 4xx): the tier in ServicePro has changed; billing needs a person now.
        wf.log.error('plan change not applied in Stripe', { n: change.n, error: String(error) });
      }
      planChanges.shift();
    }

    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      if (events.length > 0 || planChanges.length > 0) continue;
      await wf.continueAsNew<typeof tenantBilling>({
        tenantId: state.tenantId,
        tier: state.tier,
        status: state.status,
        changes: state.changes,
        stripe: { durations, life, setupDone, trialEndsAt, reminderAt, graceEndsAt, pendingPlanChanges: planChanges },
      });
    }
  }
}
