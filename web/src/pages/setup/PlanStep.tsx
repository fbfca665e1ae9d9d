import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/client.ts';
import { billingQuery } from '../../api/queries.ts';
import type { Tier } from '../../api/types.ts';
import { formatMoney } from '../../lib/billing-format.ts';
import { StepForm } from './StepForm.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

/** Step 8: Starter, Pro or Elite, with prices and what each includes; the free trial starts on finish. */
export function PlanStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const billing = useQuery(billingQuery(tenantId));
  const { register, handleSubmit, setError, formState } = useForm<{ tier: Tier }>({ defaultValues: { tier: progress.values.plan?.tier ?? 'pro' } });
  const { save, formError } = useSaveStep(tenantId, 'plan', setError, sameNames(['tier']), onDone);
  const plans = billing.data?.plans ?? [];

  return (
    <StepForm
      title="Choose your plan"
      intro={<strong className="trial-note">14-day free trial, no card needed. Change plans any time.</strong>}
      onSubmit={handleSubmit(save)}
      busy={formState.isSubmitting}
      formError={formError ?? (billing.isError ? errorMessage(billing.error) : null)}
      onBack={onBack}
      submitLabel="Start my free trial"
    >
      {billing.isPending && <p role="status">Loading plans…</p>}
      <fieldset className="choice-cards plan-choices">
        <legend className="visually-hidden">Plan</legend>
        {plans.map((plan) => (
          <label key={plan.tier} className="choice-card plan-choice" data-testid="plan-choice" data-tier={plan.tier}>
            <input type="radio" value={plan.tier} {...register('tier')} />
            <span className="choice-card-title">
              {plan.name} <span className="plan-choice-price">{formatMoney(plan.priceCents)}/month after the trial</span>
            </span>
            <ul className="feature-list">
              {(plan.features.length ? plan.features : ['The essentials every plan has (below)']).map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
            {plan.comingSoon.length > 0 && <span className="choice-card-text muted">Coming soon: {plan.comingSoon.join(', ')}</span>}
          </label>
        ))}
      </fieldset>
      {billing.data && (
        <div className="every-plan">
          <p className="field-label">Every plan includes</p>
          <ul className="feature-list">
            {billing.data.everyPlan.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </StepForm>
  );
}
