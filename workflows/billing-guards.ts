import * as wf from '@temporalio/workflow';
import type { Mutex } from 'async-mutex';
import { ROOT_TENANT_ID, TENANT_TIERS, type TenantTier } from '../domain/tenancy.ts';
import type { TenantBillingState } from './billing.messages.ts';

// What stands in front of the billing workflow's handlers: the lock they take turns under, and the
// refusal of a plan change that cannot be made.

/**
 * Handlers that await activities and change shared state take turns with each other and with the
 * main loop (Temporal's safe-message-handlers sample): two plan changes at once cannot undo each
 * other. Runs recorded before it replay unlocked, as they ran.
 */
const SERIALISED_HANDLERS = 'serialise-billing-handlers';

/** Runs `body` alone under `lock` once the patch is in; before it (old histories), at once. */
export function serialiser(lock: Mutex) {
  return <T>(body: () => Promise<T>): Promise<T> => (wf.patched(SERIALISED_HANDLERS) ? lock.runExclusive(body) : body());
}

/** A refusal the owner reads (an ApplicationFailure, so inside a handler it fails the update, not the workflow task). */
const refuse = (message: string) => wf.ApplicationFailure.create({ message, type: 'PlanChangeRefused', nonRetryable: true });

export function validatePlanChange(state: TenantBillingState, tier: TenantTier) {
  if (!TENANT_TIERS.includes(tier)) throw refuse(`There is no plan “${String(tier)}”: choose ${TENANT_TIERS.join(', ')}.`);
  if (state.tenantId === ROOT_TENANT_ID) throw refuse('The platform’s own plan is not billed and cannot be changed.');
  if (state.status === 'closed' || state.purgedAt) throw refuse('This business is closed: its plan can no longer change.');
}

