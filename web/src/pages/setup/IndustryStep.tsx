import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/client.ts';
import { industryPacksQuery } from '../../api/onboarding-queries.ts';
import { formatMoney } from '../../lib/billing-format.ts';
import { StepForm } from './StepForm.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';


/** Step 2: the trade, as cards; the pack it picks fills the services, greeting and website copy. */
export function IndustryStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const packs = useQuery(industryPacksQuery());
  const { register, handleSubmit, setError, formState } = useForm<{ pack: string }>({ defaultValues: { pack: progress.values.industry?.pack ?? '' } });
  const { save, formError } = useSaveStep(tenantId, 'industry', setError, sameNames(['pack']), onDone);
  const error = formState.errors.pack?.message;

  return (
    <StepForm
      title="What kind of work do you do?"
      intro="We start you with that trade's usual services, prices and wording. You can change all of it."
      onSubmit={handleSubmit(save)}
      busy={formState.isSubmitting}
      formError={formError ?? (packs.isError ? errorMessage(packs.error) : null)}
      onBack={onBack}
    >
      {packs.isPending && <p role="status">Loading trades…</p>}
      <fieldset className="choice-cards" aria-describedby={error ? 'setup-pack-error' : undefined}>
        <legend className="visually-hidden">Your trade</legend>
        {packs.data?.map((pack) => {
          const from = Math.min(...pack.services.map((service) => service.priceCents));
          return (
            <label key={pack.id} className="choice-card" data-testid="pack-card" data-pack={pack.id}>
              <input type="radio" value={pack.id} {...register('pack', { required: 'Choose the kind of work you do.' })} />
              <span className="choice-card-title">{pack.name}</span>
              <span className="choice-card-text muted">
                {pack.services
                  .slice(0, 3)
                  .map((service) => service.name)
                  .join(' · ')}
                {Number.isFinite(from) ? ` · from ${formatMoney(from)}` : ''}
              </span>
            </label>
          );
        })}
      </fieldset>
      {error && (
        <p id="setup-pack-error" className="field-error">
          {error}
        </p>
      )}
    </StepForm>
  );
}
