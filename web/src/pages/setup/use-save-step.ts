import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { saveOnboardingStep } from '../../api/onboarding-endpoints.ts';
import { onboardingKeys } from '../../api/onboarding-queries.ts';
import type { OnboardingProgress, OnboardingStep } from '../../api/types.ts';
import { showApiError } from '../../lib/api-form-errors.ts';

export interface StepProps {
  tenantId: string;
  /** The progress, with everything entered so far (a step opens with its saved values). */
  progress: OnboardingProgress;
  /** Called once the step is saved: the wizard opens the next one. */
  onDone: () => void | Promise<void>;
  onBack?: () => void;
}

/**
 * Saves a step through the API (the workflow's validator decides) and keeps the answer as the
 * wizard's progress. A 400 puts each field's message under its field (`toField` maps the API's
 * field names to the form's where they differ); the rest shows above the form.
 */
export function useSaveStep<Values extends FieldValues>(tenantId: string, step: OnboardingStep, setError: UseFormSetError<Values>, toField: (name: string) => string | null, onDone: () => void | Promise<void>) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const save = async (body: unknown) => {
    setFormError(null);
    try {
      queryClient.setQueryData(onboardingKeys.progress(tenantId), await saveOnboardingStep(tenantId, step, body));
    } catch (error) {
      const mapped: UseFormSetError<Values> = (name, error, options) => setError((toField(name) ?? name) as typeof name, error, options);
      setFormError(showApiError(error, mapped, (name) => toField(name) !== null));
      return;
    }
    await onDone();
  };
  return { save, formError };
}

/** The usual mapping: a field of the form is named as the API names it. */
export const sameNames = (fields: readonly string[]) => (name: string) => (fields.includes(name) ? name : null);
