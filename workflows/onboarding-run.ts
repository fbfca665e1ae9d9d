import * as wf from '@temporalio/workflow';
import { onboardingStepInputs, type OnboardingStepName, type OnboardingValues } from '../domain/inputs/onboarding.ts';
import { crossStepProblem, missingSteps, nextStep, ONBOARDING_STEPS, packSuggestions, PROVISIONING_STEPS, type OnboardingProgress, type OnboardingStatus, type ProvisioningProgress } from '../domain/onboarding/steps.ts';
import { STEP_NOT_NOW, STEP_REFUSED, type OnboardingCarry, type OnboardingInput } from './onboarding.messages.ts';

// One run of a tenant's onboarding wizard: its state and the small methods the update handlers and
// validators call (as in Temporal's safe-message-handlers sample). Step handlers await nothing, so
// they apply atomically; the provisioning saga (onboarding-saga.ts) runs in the workflow's main loop.

/** A refusal the owner reads, with the fields to change (the API answers it as a 400 with `fields`). */
const refuse = (message: string, fields: Record<string, string> = {}) => wf.ApplicationFailure.create({ type: STEP_REFUSED, message, details: [fields], nonRetryable: true });
const notNow = (message: string) => wf.ApplicationFailure.create({ type: STEP_NOT_NOW, message, nonRetryable: true });

function fieldsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}

export class OnboardingRun {
  status: OnboardingStatus;
  values: Partial<OnboardingValues>;
  readonly done: Set<OnboardingStepName>;
  provisioning: ProvisioningProgress | null;
  lastActivityAt: number;
  reminded: boolean;
  searches: number;
  /** Set by a finish the main loop has not started provisioning for yet. */
  finishRequested = false;

  constructor(readonly input: OnboardingInput) {
    const carry: Partial<OnboardingCarry> = input.carry ?? {};
    this.status = carry.status ?? 'in_progress';
    this.values = carry.values ?? {};
    this.done = new Set(carry.done ?? []);
    this.provisioning = carry.provisioning ?? null;
    this.lastActivityAt = carry.lastActivityAt ?? Date.now();
    this.reminded = carry.reminded ?? false;
    this.searches = carry.searches ?? 0;
    // A run carried over mid-provisioning starts it again (every step is idempotent).
    this.finishRequested = this.status === 'provisioning';
  }

  get tenantId() {
    return this.input.tenantId;
  }

  /** Steps may be changed (and revisited) until provisioning starts, and again after a failed attempt. */
  get open() {
    return this.status === 'in_progress' || this.status === 'failed';
  }

  progress(): OnboardingProgress {
    const expiring = this.open ? new Date(this.lastActivityAt + this.input.timers.expireAfterMs).toISOString() : null;
    return {
      status: this.status,
      step: this.open ? nextStep(this.done) : null,
      steps: ONBOARDING_STEPS.map((name) => ({ name, done: this.done.has(name) })),
      provisioning: this.provisioning,
      values: this.values,
      expiresAt: expiring,
    };
  }

  refuseUnlessOpen() {
    if (this.status === 'provisioning') throw notNow('Your business is being set up right now: wait for it to finish.');
    if (this.status === 'complete') throw notNow('Your business is already set up: change these settings in the app.');
    if (this.status === 'expired') throw notNow('This setup expired because it was not finished within 7 days. Ask support to set it up again.');
  }

  /** The step's body, parsed by its schema; throws the field messages. Pure: the validator and the handler both call it. */
  parseStep<S extends OnboardingStepName>(step: S, body: unknown): OnboardingValues[S] {
    const parsed = onboardingStepInputs[step].safeParse(body);
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error.issues);
      throw refuse(`Please check: ${Object.keys(fields).join(', ')}`, fields);
    }
    const value = parsed.data as OnboardingValues[S];
    const problem = crossStepProblem({ ...this.values, [step]: value });
    if (problem) throw refuse(problem.message, problem.fields);
    return value;
  }

  validateStep(step: OnboardingStepName, body: unknown) {
    this.refuseUnlessOpen();
    this.parseStep(step, body);
  }

  applyStep(step: OnboardingStepName, body: unknown): OnboardingProgress {
    this.refuseUnlessOpen(); // again: a finish accepted before this update may have closed the wizard
    const value = this.parseStep(step, body);
    (this.values as Record<OnboardingStepName, unknown>)[step] = value;
    this.done.add(step);
    this.lastActivityAt = Date.now();
    this.reminded = false;
    this.suggestFromPack(step);
    return this.progress();
  }

  /** The pack's services and greeting, for the steps the owner has not confirmed yet. */
  private suggestFromPack(changed: OnboardingStepName) {
    if (changed !== 'industry' && changed !== 'business') return;
    const pack = this.values.industry?.pack;
    if (!pack) return;
    const suggestions = packSuggestions(pack, this.values.business?.businessName ?? this.input.businessName);
    if (!this.done.has('services') && changed === 'industry') this.values.services = suggestions.services;
    if (!this.done.has('greeting')) this.values.greeting = suggestions.greeting;
  }

  validateFinish() {
    if (this.status === 'provisioning' || this.status === 'complete') return; // a duplicate finish: answered with the progress
    this.refuseUnlessOpen();
    const missing = missingSteps(this.done);
    if (missing.length > 0) throw refuse(`Finish these steps first: ${missing.join(', ')}.`, Object.fromEntries(missing.map((step) => [step, 'Not done yet'])));
    const problem = crossStepProblem(this.values);
    if (problem) throw refuse(problem.message, problem.fields);
  }

  finish(): OnboardingProgress {
    if (this.status === 'provisioning' || this.status === 'complete') return this.progress();
    this.validateFinish();
    this.status = 'provisioning';
    this.finishRequested = true;
    this.lastActivityAt = Date.now();
    this.provisioning = {
      attempt: (this.provisioning?.attempt ?? 0) + 1,
      steps: PROVISIONING_STEPS.map((name) => ({ name, state: 'pending' })),
      error: null,
      canRetry: false,
      phoneNumber: null,
    };
    return this.progress();
  }

  /** The instant the next timer is due: the reminder, else the expiry. */
  nextTimerAt() {
    if (!this.open) return Infinity;
    const { reminderAfterMs, expireAfterMs } = this.input.timers;
    return this.reminded ? this.lastActivityAt + expireAfterMs : Math.min(this.lastActivityAt + reminderAfterMs, this.lastActivityAt + expireAfterMs);
  }

  carryOver(): OnboardingInput {
    const carry: OnboardingCarry = { status: this.status, values: this.values, done: [...this.done], provisioning: this.provisioning, lastActivityAt: this.lastActivityAt, reminded: this.reminded, searches: this.searches };
    return { ...this.input, carry };
  }
}
