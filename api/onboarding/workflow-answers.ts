import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { STEP_NOT_NOW, STEP_REFUSED } from '../../workflows/onboarding.messages.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';

// How the onboarding workflow's answers become HTTP answers: a validator's refusal is the owner's to
// fix (400 with field messages, or 409 when the wizard is not open), anything else is "busy" (503).

/** The refusal a validator threw, as the 400/409 the owner reads; null when the error is something else. */
export function refusalOf(error: unknown): ApiError | null {
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return null;
  const { type, message } = error.cause;
  if (type === STEP_REFUSED) {
    const fields = (error.cause.details?.[0] ?? {}) as Record<string, string>;
    return new ApiError(400, 'validation_failed', message, Object.keys(fields).length > 0 ? fields : undefined);
  }
  if (type === STEP_NOT_NOW) return new ApiError(409, 'onboarding_closed', message);
  return null;
}

export const isMissingWorkflow = (error: unknown) => error instanceof WorkflowNotFoundError || (error instanceof Error && /workflow (execution )?not found|already completed/i.test(error.message));

export function busy(deps: Pick<AppDeps, 'logger'>, tenantId: string, error: unknown): never {
  deps.logger.warn({ err: error, tenantId }, 'onboarding workflow did not answer in time');
  throw new ApiError(503, 'onboarding_busy', 'Setup is busy right now. Wait a few seconds and try again — nothing you entered is lost.');
}
