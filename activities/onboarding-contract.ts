import type { OnboardingValues } from '../domain/inputs/onboarding.ts';
import type { AvailableNumber } from '../workflows/onboarding.messages.ts';

// What the onboarding workflow and its provisioning saga ask of activities, by name (types only, as
// activities/contracts.ts; kept apart so the onboarding contract reads in one place). Every step is
// idempotent and has its compensation, which is a no-op when the step never happened.

export interface TenantRef {
  tenantId: string;
}

/** The wizard's values provisioning needs, all steps done. */
export type FinishedValues = OnboardingValues;

export interface ProvisioningFailure {
  /** For the owner: what went wrong and what to do. */
  message: string;
  /** The wizard step that would fix it (a taken web address: `business`), when there is one. */
  fixAt?: string;
}

export interface OnboardingActivities {
  /** Tenant config and business details in one transaction (back to `onboarding` on a retry); a taken slug fails for good (`SlugTaken`). */
  completeTenant(input: TenantRef & { values: FinishedValues }): Promise<void>;
  /** Compensation of every attempt: the tenant is `failed` (kept, so finishing again retries). */
  markTenantFailed(input: TenantRef): Promise<void>;
  /** The services step's rows (replacing any of an earlier attempt). */
  seedServices(input: TenantRef & { services: FinishedValues['services']['services'] }): Promise<{ seeded: number }>;
  removeSeededServices(input: TenantRef): Promise<void>;
  /** Intent first, look up before buying; points voice and SMS at our canonical webhooks and writes the phone config. */
  buyNumber(input: TenantRef & { values: FinishedValues }): Promise<{ phoneNumber: string }>;
  /** Releases the number in Twilio and removes the phone config (no-op when none was bought). */
  releaseNumber(input: TenantRef): Promise<{ released: boolean }>;
  /** Cancels the trial's subscription and forgets it, so a retry starts a fresh one (the customer is kept). */
  cancelTrial(input: TenantRef & { idempotencyKey: string }): Promise<{ canceled: boolean }>;
  publishSite(input: TenantRef & { template: string }): Promise<void>;
  unpublishSite(input: TenantRef): Promise<void>;
  /** Provisioned: `trialing`. */
  activateTenant(input: TenantRef): Promise<void>;
  /** Abandoned: `expired`, its web address freed, anything still held released. */
  expireTenant(input: TenantRef): Promise<void>;
  /** Local numbers for an area code (nothing is held). */
  findAvailableNumbers(input: { areaCode: string }): Promise<AvailableNumber[]>;
}
