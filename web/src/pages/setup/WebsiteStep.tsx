import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { siteTemplatesQuery } from '../../api/onboarding-queries.ts';
import type { SiteTemplate } from '../../api/types.ts';
import { ONBOARDING_SITE_TEMPLATES } from '../../../../domain/onboarding/site-templates.ts';
import { StepForm } from './StepForm.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

/** Until the website templates' own list is served, the ids the onboarding step accepts, by name. */
const fallbackTemplates = (): SiteTemplate[] => ONBOARDING_SITE_TEMPLATES.map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1), description: 'A clean one-page site with your services, prices, hours and booking.' }));

/** Step 7: the website's design. */
export function WebsiteStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const listed = useQuery(siteTemplatesQuery());
  const templates = listed.data ?? (listed.isError ? fallbackTemplates() : []);
  const { register, handleSubmit, setError, formState } = useForm<{ template: string }>({ values: { template: progress.values.website?.template ?? templates[0]?.id ?? '' }, resetOptions: { keepDirtyValues: true } });
  const { save, formError } = useSaveStep(tenantId, 'website', setError, sameNames(['template']), onDone);
  const error = formState.errors.template?.message;

  return (
    <StepForm title="Pick a website design" intro="Your site goes live with your services, prices, hours and a booking form. You can switch designs later." onSubmit={handleSubmit(save)} busy={formState.isSubmitting} formError={formError} onBack={onBack}>
      {listed.isPending && <p role="status">Loading designs…</p>}
      <fieldset className="choice-cards">
        <legend className="visually-hidden">Website design</legend>
        {templates.map((template) => (
          <label key={template.id} className="choice-card" data-testid="template-card" data-template={template.id}>
            <input type="radio" value={template.id} {...register('template', { required: 'Pick a design.' })} />
            <span className="choice-card-title">{template.name}</span>
            <span className="choice-card-text muted">{template.description}</span>
          </label>
        ))}
      </fieldset>
      {error && <p className="field-error">{error}</p>}
    </StepForm>
  );
}
