import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/client.ts';
import { siteTemplatesQuery } from '../../api/onboarding-queries.ts';
import { StepForm } from './StepForm.tsx';
import { SitePreview } from './SitePreview.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

/** Step 7: the website's design, with its front page live beside the list (or below it, on a phone). */
export function WebsiteStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const templates = useQuery(siteTemplatesQuery());
  const { register, handleSubmit, setError, watch, formState } = useForm<{ template: string }>({ defaultValues: { template: progress.values.website?.template ?? 'classic' } });
  const { save, formError } = useSaveStep(tenantId, 'website', setError, sameNames(['template']), onDone);
  const error = formState.errors.template?.message;
  const chosen = watch('template');

  return (
    <StepForm
      title="Pick a website design"
      intro="Your site goes live with your services, prices, hours and a booking form. You can switch designs later."
      onSubmit={handleSubmit(save)}
      busy={formState.isSubmitting}
      formError={formError ?? (templates.isError ? errorMessage(templates.error) : null)}
      onBack={onBack}
    >
      {templates.isPending && <p role="status">Loading designs…</p>}
      <fieldset className="choice-cards template-choices">
        <legend className="visually-hidden">Website design</legend>
        {templates.data?.map((template) => (
          <label key={template.id} className="choice-card" data-testid="template-card" data-template={template.id}>
            <input type="radio" value={template.id} {...register('template', { required: 'Pick a design.' })} />
            <span className="choice-card-title">
              {template.name}
              {!template.tiers.includes('starter') && <span className="choice-card-badge">Pro and Elite</span>}
            </span>
            <span className="choice-card-text muted">{template.description}</span>
          </label>
        ))}
      </fieldset>
      {error && <p className="field-error">{error}</p>}
      {chosen && <SitePreview tenantId={tenantId} template={chosen} />}
    </StepForm>
  );
}
