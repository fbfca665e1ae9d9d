import * as wf from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { initialBillingLife, planChangeTimingFor, stripeIdempotencyKey, type BillingLife } from '../domain/billing.ts';
import { ROOT_TENANT_ID, type TenantTier } from '../domain/tenancy.ts';
import { serialiser, validatePlanChange } from './billing-guards.ts';
import { applyTier, stripe } from './billing-turn.ts';
import { billingStateQuery, changePlanUpdate, paymentLinkUpdate, stripeEventSignal, tenantClosedSignal, tenantReopenedSignal, tierChangedSignal } from './billing.messages.ts';
import type { BillingDurations, PaymentLinkRequest, PlanChange, PlanChangeResult, StripeBillingCarry, StripeBillingEvent, TenantBillingArgs, TenantBillingState } from './billing.messages.ts';

// One run of a tenant's Stripe-driven billing life, as in Temporal's safe-message-handlers sample:
// the state and its small methods in a class, with the message handlers; each turn of the main
// loop is in billing-turn.ts, and the workflow body (billing.ts) only waits, takes turns and hands
// over. Every await sits where the recorded histories (workflows/histories/billing-*.json) had it,
// so they replay command for command.

const DEFAULT_RETENTION_MS = 180 * 86_400_000;
export const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export class StripeBillingRun {
  readonly durations: BillingDurations;
  readonly retentionMs: number;
  life: BillingLife;
  setupDone: boolean;
  trialEndsAt: number | null;
  reminderAt: number | null;
  graceEndsAt: number | null;
  scheduledTier: { tier: TenantTier; at: number } | null;
  retentionEndsAt: number | null;
  /** Closed through the registry: the next turn stops billing. */
  closing: boolean;
  linksIssued: number;
  /** A handler moved a timer (a downgrade scheduled): the loop recomputes what it waits for. */
  timersMoved = false;
  readonly events: StripeBillingEvent[] = [];
  readonly planChanges: PlanChange[];
  /** The owner's updates, the first Stripe setup and each turn of the main loop run one at a time. */
  readonly exclusive = serialiser(new Mutex());
  private readonly workflowId = wf.workflowInfo().workflowId;

  constructor(
    readonly state: TenantBillingState,
    readonly publish: () => void,
    carry: StripeBillingCarry,
  ) {
    this.durations = carry.durations;
    this.retentionMs = carry.durations.retentionMs ?? DEFAULT_RETENTION_MS;
    this.life = carry.life ?? initialBillingLife(state.status, state.tenantId === ROOT_TENANT_ID);
    this.setupDone = carry.setupDone ?? this.life.isRoot; // root has no subscription
    const startedAt = Date.now(); // deterministic in workflow code
    this.trialEndsAt = carry.trialEndsAt !== undefined ? carry.trialEndsAt : state.status === 'trialing' && !this.life.isRoot ? startedAt + carry.durations.trialMs : null;
    this.reminderAt = carry.reminderAt !== undefined ? carry.reminderAt : this.trialEndsAt !== null ? this.trialEndsAt - carry.durations.reminderBeforeMs : null;
    this.graceEndsAt = carry.graceEndsAt ?? null;
    this.scheduledTier = carry.scheduledTier ?? null;
    this.retentionEndsAt = carry.retentionEndsAt ?? null;
    this.closing = carry.closing ?? false;
    this.linksIssued = carry.linksIssued ?? 0;
    this.planChanges = [...(carry.pendingPlanChanges ?? [])];
  }

  /** The Stripe idempotency key of one step of this tenant's billing. */
  key(step: string) {
    return stripeIdempotencyKey(this.workflowId, step);
  }

  /** Registers the handlers, in the order the recorded histories registered them. */
  listen() {
    wf.setHandler(billingStateQuery, () => this.snapshot());
    wf.setHandler(tierChangedSignal, (tier) => this.tierChanged(tier));
    wf.setHandler(tenantClosedSignal, () => this.tenantClosed());
    wf.setHandler(stripeEventSignal, (event) => void this.events.push(event));
    wf.setHandler(changePlanUpdate, (tier) => this.changePlan(tier), { validator: (tier) => validatePlanChange(this.state, tier) });
    wf.setHandler(paymentLinkUpdate, (request) => this.paymentLink(request), { validator: (request) => this.validatePaymentLink(request) });
    // Registered last and emits no command: runs recorded before it replay as they ran.
    wf.setHandler(tenantReopenedSignal, () => this.tenantReopened());
  }

  snapshot(): TenantBillingState {
    const { scheduledTier } = this;
    return {
      ...this.state,
      trialEndsAt: iso(this.trialEndsAt),
      graceEndsAt: iso(this.graceEndsAt),
      retentionEndsAt: iso(this.retentionEndsAt),
      scheduledTier: scheduledTier ? { tier: scheduledTier.tier, at: iso(scheduledTier.at)! } : null,
    };
  }

  // The registry's signals change no Stripe state themselves (the main loop bills them, under the
  // lock) and await nothing, so they apply at once — also while Stripe is down and the lock is held.

  /** The platform owner changed the plan in the registry (which already wrote it): bill it now. */
  tierChanged(tier: TenantTier) {
    if (!this.life.isRoot) this.planChanges.push({ from: this.state.tier, to: tier, n: this.state.changes + 1 });
    this.state.tier = tier;
    this.state.changes += 1;
    this.scheduledTier = null;
    this.publish();
  }

  tenantClosed() {
    if (this.state.status === 'closed') return;
    this.state.status = 'closed';
    this.life = { ...this.life, status: 'closed' };
    this.state.changes += 1;
    this.closing = true;
    this.publish();
  }

  /** Reopened through the registry: suspended from here on, with a retention window that starts again. */
  tenantReopened() {
    if (this.state.status !== 'closed' || this.state.purgedAt) return;
    this.state.status = 'suspended';
    this.life = { ...this.life, status: 'suspended' };
    this.state.changes += 1;
    this.closing = false;
    this.retentionEndsAt = this.life.isRoot ? null : Date.now() + this.retentionMs;
    this.timersMoved = true;
    this.publish();
  }

  /** The owner's plan change: an upgrade at once, a downgrade at the end of the paid period. */
  changePlan(tier: TenantTier) {
    return this.exclusive(async (): Promise<PlanChangeResult> => {
      // Decided from the state as the changes before this one left it, not as it was on arrival.
      validatePlanChange(this.state, tier);
      const timing = planChangeTimingFor(this.life.status, this.state.tier, tier);
      const n = (this.state.changes += 1);
      const { tenantId } = this.state;
      if (timing === 'none') {
        // Choosing the current plan again cancels a downgrade that was waiting; Stripe gets the price back, uncharged.
        if (this.scheduledTier && this.setupDone) await stripe.changePlan({ tenantId, from: this.scheduledTier.tier, to: tier, prorate: false, idempotencyKey: this.key(`change-plan:${n}`) });
        this.scheduledTier = null;
        return { timing, tier, effectiveAt: null };
      }
      const billed = this.setupDone ? await stripe.changePlan({ tenantId, from: this.state.tier, to: tier, idempotencyKey: this.key(`change-plan:${n}`) }) : null;
      const periodEnd = billed?.currentPeriodEnd ? Date.parse(billed.currentPeriodEnd) : null;
      if (timing === 'period_end' && periodEnd !== null && periodEnd > Date.now()) {
        this.scheduledTier = { tier, at: periodEnd };
        this.timersMoved = true;
        return { timing, tier, effectiveAt: iso(periodEnd) };
      }
      this.scheduledTier = null;
      await applyTier(this, tier);
      return { timing: 'now', tier, effectiveAt: iso(Date.now()) };
    });
  }

  paymentLink({ kind, returnPath }: PaymentLinkRequest) {
    return this.exclusive(async () => {
      const n = (this.linksIssued += 1);
      const input = { tenantId: this.state.tenantId, returnPath, idempotencyKey: this.key(`${kind}-link:${n}`) };
      return kind === 'checkout' ? stripe.createCheckoutLink(input) : stripe.createPortalLink(input);
    });
  }

  validatePaymentLink({ kind }: PaymentLinkRequest) {
    if (kind !== 'checkout' && kind !== 'portal') throw new Error('Ask for a "checkout" or a "portal" link.');
    if (this.life.isRoot) throw new Error('The platform’s own account is not billed.');
    if (!this.setupDone) throw new Error('Billing is still being set up for this business — try again in a minute.');
  }

  /** The Stripe customer and trialing subscription; alone, so a plan change meanwhile cannot bill another tier. */
  async setUp() {
    try {
      await stripe.ensureCustomer({ tenantId: this.state.tenantId, idempotencyKey: this.key('ensure-customer') });
      await stripe.ensureSubscription({ tenantId: this.state.tenantId, tier: this.state.tier, trialDays: this.durations.trialDays, idempotencyKey: this.key('ensure-subscription') });
      this.setupDone = true;
    } catch (error) {
      // Stripe refused (a 4xx): the trial timers still run; the next run tries again.
      wf.log.error('Stripe customer or subscription not created', { error: String(error) });
    }
  }

  /** The soonest timer, Infinity when none runs. */
  nextDue() {
    return Math.min(this.reminderAt ?? Infinity, this.trialEndsAt ?? Infinity, this.graceEndsAt ?? Infinity, this.scheduledTier?.at ?? Infinity, this.retentionEndsAt ?? Infinity);
  }

  /** Something arrived that the next turn must handle. */
  hasArrivals() {
    return this.events.length > 0 || this.planChanges.length > 0 || this.closing;
  }

  /** What wakes the loop before its next timer. */
  isReady() {
    return this.hasArrivals() || this.timersMoved || wf.workflowInfo().continueAsNewSuggested;
  }

  /** The input of the next run (continue-as-new). */
  carryOver(): TenantBillingArgs {
    const { state } = this;
    return {
      tenantId: state.tenantId,
      tier: state.tier,
      status: state.status,
      changes: state.changes,
      stripe: {
        durations: this.durations,
        life: this.life,
        setupDone: this.setupDone,
        trialEndsAt: this.trialEndsAt,
        reminderAt: this.reminderAt,
        graceEndsAt: this.graceEndsAt,
        pendingPlanChanges: this.planChanges,
        scheduledTier: this.scheduledTier,
        retentionEndsAt: this.retentionEndsAt,
        closing: this.closing,
        linksIssued: this.linksIssued,
      },
    };
  }
}
