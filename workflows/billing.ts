import * as wf from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { billingStateQuery, changePlanUpdate, tenantClosedSignal, tenantReopenedSignal, tierChangedSignal, type PlanChangeResult, type StripeBillingCarry, type TenantBillingArgs, type TenantBillingState } from './billing.messages.ts';
import { serialiser, validatePlanChange } from './billing-guards.ts';
import { StripeBillingRun } from './billing-run.ts';
import { stripe, takeTurn } from './billing-turn.ts';
import { TenantStatusKey, TenantTierKey } from './search-attributes.ts';

// The long-lived billing life of one tenant (`billing:<tenantId>`): tier and status, and — when
// started with `stripe` durations — the Stripe customer and trialing subscription, the trial
// timer with its reminder, dunning (past due → grace timer → suspended) driven by Stripe webhook
// events, plan changes (upgrades at once, downgrades at the end of the paid period), and the
// retention window (suspended or closed → final export → purge). Decisions live in
// domain/billing.ts (`decideBilling`); the run's state and handlers in billing-run.ts, each turn and
// what it does to the world in billing-turn.ts; this file only waits, takes turns and hands over.

// The messages, for code that still imports them from here (new code: billing.messages.ts).
export * from './billing.messages.ts';

export async function tenantBilling(input: TenantBillingArgs): Promise<void> {
  const state: TenantBillingState = { tenantId: input.tenantId, tier: input.tier, status: input.status, changes: input.changes ?? 0 };

  const publish = () =>
    wf.upsertSearchAttributes([
      { key: TenantTierKey, value: state.tier },
      { key: TenantStatusKey, value: state.status },
    ]);

  wf.setHandler(billingStateQuery, () => state);
  if (input.stripe) await stripeBilling(state, publish, input.stripe);
  else await tierOnlyBilling(state, publish);
}

/** Without Stripe durations: tier and status only (runs started before Stripe billing existed). */
async function tierOnlyBilling(state: TenantBillingState, publish: () => void): Promise<void> {
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
  wf.setHandler(tenantReopenedSignal, () => {
    if (state.status !== 'closed') return;
    state.status = 'suspended';
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
}

/** The Stripe-driven life: wait for a timer or a message, take a turn under the lock, hand over when the history is long. */
async function stripeBilling(state: TenantBillingState, publish: () => void, carry: StripeBillingCarry): Promise<void> {
  const run = new StripeBillingRun(state, publish, carry);
  run.listen();
  if (!run.setupDone) await run.exclusive(() => run.setUp());

  for (;;) {
    const next = run.nextDue();
    if (next === Infinity) await wf.condition(() => run.isReady());
    else if (next > Date.now()) await wf.condition(() => run.isReady(), next - Date.now());
    run.timersMoved = false;

    if (await run.exclusive(() => takeTurn(run))) {
      publish();
      await wf.condition(wf.allHandlersFinished);
      return; // the tenant's life has ended; its registry entry and final export remain
    }

    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      if (run.hasArrivals()) continue;
      await wf.continueAsNew<typeof tenantBilling>(run.carryOver());
    }
  }
}
