import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { BillingEvent, BillingLife } from '../domain/billing.ts';
import type { TenantStatus, TenantTier } from '../domain/tenancy.ts';

// The billing workflow's messages and the shapes they carry, apart from the workflow code (as in
// Temporal's early-return sample, shared.ts): the API and the worker's client helpers import this
// file; only the worker bundle imports workflows/billing.ts. Names and argument shapes are part of
// every running history: change them only behind a new message.

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

/** A plan change the registry made, waiting to be billed in Stripe. */
export interface PlanChange {
  from: TenantTier;
  to: TenantTier;
  /** The change's number (`changes` when it arrived): its idempotency key is `change-plan:<n>`. */
  n: number;
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

/** The workflow's input: a fresh start names the tenant; a continued run also carries its counters and Stripe life. */
export type TenantBillingArgs = TenantBillingInput & { changes?: number; stripe?: StripeBillingCarry };

/** A Stripe webhook event, already mapped to its decision input (webhook: api/stripe/webhook.ts). */
export type StripeBillingEvent = Extract<BillingEvent, { eventId: string }>;

export type PaymentLinkRequest = { kind: 'checkout' | 'portal'; returnPath: string };

export const billingStateQuery = defineQuery<TenantBillingState>('billingState');
export const tierChangedSignal = defineSignal<[TenantTier]>('tierChanged');
export const tenantClosedSignal = defineSignal('tenantClosed');
/** The registry reopened a closed tenant that was not purged: it carries on suspended (its subscription ended at the closing). */
export const tenantReopenedSignal = defineSignal('tenantReopened');
export const stripeEventSignal = defineSignal<[StripeBillingEvent]>('stripeEvent');
/** The owner picks another plan: an upgrade applies at once, a downgrade at the end of the paid period. */
export const changePlanUpdate = defineUpdate<PlanChangeResult, [TenantTier]>('changePlan');
/** A Stripe Checkout link (add a card) or Customer Portal link (invoices, cards) for the owner. */
export const paymentLinkUpdate = defineUpdate<{ url: string }, [PaymentLinkRequest]>('paymentLink');
