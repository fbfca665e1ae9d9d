import * as wf from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { BillingActivities, ExportActivities, MailActivities, MessagingActivities, RetentionActivities } from '../activities/contracts.ts';
import { decideBilling, initialBillingLife, planChangeTimingFor, stripeIdempotencyKey, type BillingEffect, type BillingEvent, type BillingLife } from '../domain/billing.ts';
import { ROOT_TENANT_ID, TENANT_TIERS, type TenantStatus, type TenantTier } from '../domain/tenancy.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { TenantIdKey, TenantStatusKey, TenantTierKey } from './search-attributes.ts';

// The long-lived billing life of one tenant (`billing:<tenantId>`): tier and status, and — when
// started with `stripe` durations — the Stripe customer and trialing subscription, the trial
// timer with its reminder, dunning (past due → grace timer → suspended) driven by Stripe webhook
// events, plan changes (upgrades at once, downgrades at the end of the paid period), and the
// retention window (suspended or closed → final export → purge). Decisions live in
// domain/billing.ts (`decideBilling`); this file only waits, calls activities and keeps the
// search attributes current.

export interface BillingDurations {
  /** Trial length Stripe is told, in days; the workflow's own timer is `trialMs`. */
  trialDays: number;
  trialMs: number;
  /** The owner is reminded this long before the trial ends. */
  reminderBeforeMs: number;
  /** How long a past-due tenant keeps working before it is suspended. */
  graceMs: number;
  /** How long a suspended or closed tenant's data is kept before the final export and purge (runs started before it existed: 180 days). */
  retentionMs?: number;
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
  /** With Stripe, as ISO instants: the timers the billing page shows. */
  trialEndsAt?: string | null;
  graceEndsAt?: string | null;
  retentionEndsAt?: string | null;
  /** A downgrade waiting for the end of the paid period. */
  scheduledTier?: { tier: TenantTier; at: string } | null;
  /** Set once the retention window has ended in a final export and the purge. */
  purgedAt?: string | null;
}

export interface PlanChangeResult {
  timing: 'now' | 'period_end' | 'none';
  tier: TenantTier;
  /** When the new plan's features apply (null: nothing changes). */
  effectiveAt: string | null;
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
  scheduledTier?: { tier: TenantTier; at: number } | null;
  retentionEndsAt?: number | null;
  closing?: boolean;
  linksIssued?: number;
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
/** The owner picks another plan: an upgrade applies at once, a downgrade at the end of the paid period. */
export const changePlanUpdate = wf.defineUpdate<PlanChangeResult, [TenantTier]>('changePlan');
/** A Stripe Checkout link (add a card) or Customer Portal link (invoices, cards) for the owner. */
export const paymentLinkUpdate = wf.defineUpdate<{ url: string }, [{ kind: 'checkout' | 'portal'; returnPath: string }]>('paymentLink');

/**
 * Handlers that await activities and change shared state take turns with each other and with the
 * main loop (Temporal's safe-message-handlers sample): two plan changes at once cannot undo each
 * other. Runs recorded before it replay unlocked, as they ran.
 */
const SERIALISED_HANDLERS = 'serialise-billing-handlers';

/** Runs `body` alone under `lock` once the patch is in; before it (old histories), at once. */
function serialiser(lock: Mutex) {
  return <T>(body: () => Promise<T>): Promise<T> => (wf.patched(SERIALISED_HANDLERS) ? lock.runExclusive(body) : body());
}

const DEFAULT_RETENTION_MS = 180 * 86_400_000;
/** A final export that failed is tried again this much later; nothing is purged meanwhile. */
const FINAL_EXPORT_RETRY_MS = 86_400_000;

const stripe = wf.proxyActivities<BillingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: ['StripeRejected', 'NoStripeCustomer'] },
});
const retention = wf.proxyActivities<RetentionActivities & Pick<ExportActivities, 'createExportRecord'>>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', nonRetryableErrorTypes: ['PurgeRefused'] },
});
const mail = wf.proxyActivities<MailActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
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
    const exclusive = serialiser(new Mutex());
    wf.setHandler(
      changePlanUpdate,
      (tier) =>
        exclusive(async (): Promise<PlanChangeResult> => {
          validatePlanChange(state, tier); // again: a change before this one may have closed the business
          // Nothing is billed here: the plan changes at once.
          if (tier === state.tier) return { timing: 'none', tier, effectiveAt: null };
          state.tier = tier;
          state.changes += 1;
          publish();
          await stripe.setTenantTier({ tenantId: state.tenantId, tier });
          return { timing: 'now', tier, effectiveAt: new Date().toISOString() };
        }),
      { validator: (tier) => validatePlanChange(state, tier) },
    );

    // An entity that lives for months: hand over to a fresh run before the history grows large.
    await wf.condition(() => wf.workflowInfo().continueAsNewSuggested);
    await wf.condition(wf.allHandlersFinished);
    await wf.continueAsNew<typeof tenantBilling>({ tenantId: state.tenantId, tier: state.tier, status: state.status, changes: state.changes });
    return;
  }

  await stripeBilling(state, publish, input.stripe);
}

/** A refusal the owner reads (an ApplicationFailure, so inside a handler it fails the update, not the workflow task). */
const refuse = (message: string) => wf.ApplicationFailure.create({ message, type: 'PlanChangeRefused', nonRetryable: true });

function validatePlanChange(state: TenantBillingState, tier: TenantTier) {
  if (!TENANT_TIERS.includes(tier)) throw refuse(`There is no plan “${String(tier)}”: choose ${TENANT_TIERS.join(', ')}.`);
  if (state.tenantId === ROOT_TENANT_ID) throw refuse('The platform’s own plan is not billed and cannot be changed.');
  if (state.status === 'closed' || state.purgedAt) throw refuse('This business is closed: its plan can no longer change.');
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

async function stripeBilling(state: TenantBillingState, publish: () => void, carry: StripeBillingCarry): Promise<void> {
  const { durations } = carry;
  const retentionMs = durations.retentionMs ?? DEFAULT_RETENTION_MS;
  const { workflowId } = wf.workflowInfo();
  const key = (step: string) => stripeIdempotencyKey(workflowId, step);
  let life = carry.life ?? initialBillingLife(state.status, state.tenantId === ROOT_TENANT_ID);
  let setupDone = carry.setupDone ?? life.isRoot; // root has no subscription
  const startedAt = Date.now(); // deterministic in workflow code
  let trialEndsAt = carry.trialEndsAt !== undefined ? carry.trialEndsAt : state.status === 'trialing' && !life.isRoot ? startedAt + durations.trialMs : null;
  let reminderAt = carry.reminderAt !== undefined ? carry.reminderAt : trialEndsAt !== null ? trialEndsAt - durations.reminderBeforeMs : null;
  let graceEndsAt = carry.graceEndsAt ?? null;
  let scheduledTier = carry.scheduledTier ?? null;
  let retentionEndsAt = carry.retentionEndsAt ?? null;
  let closing = carry.closing ?? false;
  let linksIssued = carry.linksIssued ?? 0;
  /** A handler moved a timer (a downgrade scheduled): the loop recomputes what it waits for. */
  let timersMoved = false;
  const events: Extract<BillingEvent, { eventId: string }>[] = [];
  const planChanges: PlanChange[] = [...(carry.pendingPlanChanges ?? [])];
  /** The owner's updates, the first Stripe setup and each turn of the main loop run one at a time. */
  const exclusive = serialiser(new Mutex());

  wf.setHandler(billingStateQuery, () => ({
    ...state,
    trialEndsAt: iso(trialEndsAt),
    graceEndsAt: iso(graceEndsAt),
    retentionEndsAt: iso(retentionEndsAt),
    scheduledTier: scheduledTier ? { tier: scheduledTier.tier, at: iso(scheduledTier.at)! } : null,
  }));
  // The registry's signals change no Stripe state themselves (the main loop bills them, under the
  // lock) and await nothing, so they apply at once — also while Stripe is down and the lock is held.
  wf.setHandler(tierChangedSignal, (tier) => {
    // The platform owner changed the plan in the registry (which already wrote it): bill it now.
    if (!life.isRoot) planChanges.push({ from: state.tier, to: tier, n: state.changes + 1 });
    state.tier = tier;
    state.changes += 1;
    scheduledTier = null;
    publish();
  });
  wf.setHandler(tenantClosedSignal, () => {
    if (state.status === 'closed') return;
    state.status = 'closed';
    life = { ...life, status: 'closed' };
    state.changes += 1;
    closing = true;
    publish();
  });
  wf.setHandler(stripeEventSignal, (event) => {
    events.push(event);
  });

  async function applyTier(tier: TenantTier) {
    state.tier = tier;
    publish();
    await stripe.setTenantTier({ tenantId: state.tenantId, tier });
  }

  wf.setHandler(
    changePlanUpdate,
    (tier) =>
      exclusive(async (): Promise<PlanChangeResult> => {
        // Decided from the state as the changes before this one left it, not as it was on arrival.
        validatePlanChange(state, tier);
        const timing = planChangeTimingFor(life.status, state.tier, tier);
        const n = (state.changes += 1);
        if (timing === 'none') {
          // Choosing the current plan again cancels a downgrade that was waiting; Stripe gets the price back, uncharged.
          if (scheduledTier && setupDone) await stripe.changePlan({ tenantId: state.tenantId, from: scheduledTier.tier, to: tier, prorate: false, idempotencyKey: key(`change-plan:${n}`) });
          scheduledTier = null;
          return { timing, tier, effectiveAt: null };
        }
        const billed = setupDone ? await stripe.changePlan({ tenantId: state.tenantId, from: state.tier, to: tier, idempotencyKey: key(`change-plan:${n}`) }) : null;
        const periodEnd = billed?.currentPeriodEnd ? Date.parse(billed.currentPeriodEnd) : null;
        if (timing === 'period_end' && periodEnd !== null && periodEnd > Date.now()) {
          scheduledTier = { tier, at: periodEnd };
          timersMoved = true;
          return { timing, tier, effectiveAt: iso(periodEnd) };
        }
        scheduledTier = null;
        await applyTier(tier);
        return { timing: 'now', tier, effectiveAt: iso(Date.now()) };
      }),
    { validator: (tier) => validatePlanChange(state, tier) },
  );

  wf.setHandler(
    paymentLinkUpdate,
    ({ kind, returnPath }) =>
      exclusive(async () => {
        const n = (linksIssued += 1);
        const input = { tenantId: state.tenantId, returnPath, idempotencyKey: key(`${kind}-link:${n}`) };
        return kind === 'checkout' ? stripe.createCheckoutLink(input) : stripe.createPortalLink(input);
      }),
    {
      validator: ({ kind }) => {
        if (kind !== 'checkout' && kind !== 'portal') throw new Error('Ask for a "checkout" or a "portal" link.');
        if (life.isRoot) throw new Error('The platform’s own account is not billed.');
        if (!setupDone) throw new Error('Billing is still being set up for this business — try again in a minute.');
      },
    },
  );

  async function notifyOwner(message: { text: string; subject: string }, step: string) {
    const owner = await stripe.loadBillingOwner({ tenantId: state.tenantId });
    if (owner.phone) {
      try {
        await messaging.sendSms({ tenantId: state.tenantId, to: owner.phone, body: `ServicePro: ${message.text}`, idempotencyKey: key(step), kind: 'owner-alert', customerId: null });
      } catch (error) {
        wf.log.warn('owner not texted', { step, error: String(error) });
      }
    }
    if (owner.email && wf.patched('owner-billing-email')) {
      try {
        await mail.sendEmail({ tenantId: state.tenantId, to: owner.email, subject: message.subject, text: message.text, idempotencyKey: key(`${step}:email`) });
      } catch (error) {
        wf.log.warn('owner not emailed', { step, error: String(error) });
      }
    }
  }

  /** Suspended or closed: the retention window starts (once); back to active: it is called off. */
  function followStatus(status: TenantStatus) {
    if ((status === 'suspended' || status === 'closed') && !life.isRoot) {
      if (retentionEndsAt === null && wf.patched('retention-window')) retentionEndsAt = Date.now() + retentionMs;
    } else {
      retentionEndsAt = null;
    }
  }

  async function perform(effect: BillingEffect) {
    switch (effect.type) {
      case 'set-status':
        state.status = effect.status;
        publish();
        followStatus(effect.status);
        await stripe.setTenantStatus({ tenantId: state.tenantId, status: effect.status });
        break;
      case 'start-grace':
        graceEndsAt = Date.now() + durations.graceMs;
        break;
      case 'warn-owner-payment-failed':
        await notifyOwner(
          {
            subject: 'Your ServicePro payment did not go through',
            text: 'Your last payment did not go through. Campaigns are paused until it is paid. Please update your card to keep your phone line and automations running.',
          },
          `warn-payment-failed:${effect.invoiceId}`,
        );
        break;
      case 'remind-trial-ending':
        await notifyOwner(
          { subject: 'Your ServicePro trial ends in 3 days', text: 'Your free trial ends in 3 days. Add a card to keep your phone line and texts running.' },
          'remind-trial-ending',
        );
        break;
      case 'attach-payment-method':
        try {
          await stripe.attachPaymentMethod({ tenantId: state.tenantId, checkoutSessionId: effect.checkoutSessionId, idempotencyKey: key(`attach-card:${effect.checkoutSessionId}`) });
        } catch (error) {
          wf.log.error('card from Checkout not attached', { checkoutSessionId: effect.checkoutSessionId, error: String(error) });
        }
        break;
    }
  }

  async function apply(event: BillingEvent) {
    const decided = decideBilling(life, event);
    life = decided.life;
    for (const effect of decided.effects) await perform(effect);
  }

  /** The end of the retention window: a final export, the owner told (by the export), billing stopped, then the purge. */
  async function retire(): Promise<boolean> {
    const exportId = wf.uuid4(); // deterministic: a retried activity finds the same record
    try {
      await retention.createExportRecord({ tenantId: state.tenantId, reason: 'final', exportId });
      await wf.executeChild('tenantExport', {
        workflowId: workflowIds.export(state.tenantId, exportId),
        args: [{ tenantId: state.tenantId, exportId, reason: 'final' }],
        typedSearchAttributes: [{ key: TenantIdKey, value: state.tenantId }],
      });
    } catch (error) {
      wf.log.error('final export failed: nothing is purged, trying again later', { error: String(error) });
      retentionEndsAt = Date.now() + FINAL_EXPORT_RETRY_MS;
      return false;
    }
    if (setupDone) await stripe.cancelSubscription({ tenantId: state.tenantId, idempotencyKey: key('cancel-subscription') });
    const purged = await retention.purgeTenantData({ tenantId: state.tenantId, finalExportId: exportId });
    state.purgedAt = purged.purgedAt;
    retentionEndsAt = null;
    return true;
  }

  /** One turn of the loop: what is due and what arrived; true once the tenant's life has ended. */
  async function takeTurn(): Promise<boolean> {
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
    if (scheduledTier !== null && now >= scheduledTier.at) {
      const { tier } = scheduledTier;
      scheduledTier = null;
      if (state.status !== 'closed') await applyTier(tier);
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
    if (closing) {
      // Closed through the registry: billing stops at once, the data is kept for the retention window.
      closing = false;
      followStatus('closed');
      if (setupDone && !life.isRoot && wf.patched('cancel-on-close')) await stripe.cancelSubscription({ tenantId: state.tenantId, idempotencyKey: key('cancel-subscription') });
    }
    return retentionEndsAt !== null && Date.now() >= retentionEndsAt && (state.status === 'suspended' || state.status === 'closed') && !life.isRoot && (await retire());
  }

  if (!setupDone) {
    // Alone: a plan change meanwhile would otherwise bill the tier the subscription was not created with.
    await exclusive(async () => {
      try {
        await stripe.ensureCustomer({ tenantId: state.tenantId, idempotencyKey: key('ensure-customer') });
        await stripe.ensureSubscription({ tenantId: state.tenantId, tier: state.tier, trialDays: durations.trialDays, idempotencyKey: key('ensure-subscription') });
        setupDone = true;
      } catch (error) {
        // Stripe refused (a 4xx): the trial timers still run; the next run tries again.
        wf.log.error('Stripe customer or subscription not created', { error: String(error) });
      }
    });
  }

  for (;;) {
    const next = Math.min(reminderAt ?? Infinity, trialEndsAt ?? Infinity, graceEndsAt ?? Infinity, scheduledTier?.at ?? Infinity, retentionEndsAt ?? Infinity);
    const ready = () => events.length > 0 || planChanges.length > 0 || closing || timersMoved || wf.workflowInfo().continueAsNewSuggested;
    if (next === Infinity) await wf.condition(ready);
    else if (next > Date.now()) await wf.condition(ready, next - Date.now());
    timersMoved = false;

    if (await exclusive(takeTurn)) {
      publish();
      await wf.condition(wf.allHandlersFinished);
      return; // the tenant's life has ended; its registry entry and final export remain
    }

    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      if (events.length > 0 || planChanges.length > 0 || closing) continue;
      await wf.continueAsNew<typeof tenantBilling>({
        tenantId: state.tenantId,
        tier: state.tier,
        status: state.status,
        changes: state.changes,
        stripe: { durations, life, setupDone, trialEndsAt, reminderAt, graceEndsAt, pendingPlanChanges: planChanges, scheduledTier, retentionEndsAt, closing, linksIssued },
      });
    }
  }
}
