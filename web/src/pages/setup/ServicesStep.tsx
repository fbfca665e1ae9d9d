import { useQuery } from '@tanstack/react-query';
import { useFieldArray, useForm } from 'react-hook-form';
import { industryPacksQuery } from '../../api/onboarding-queries.ts';
import { FormField } from '../../components/FormField.tsx';
import { formFieldOf, serviceRowsResolver, toBody, toRows, type ServiceRows } from './service-rows.ts';
import { StepForm } from './StepForm.tsx';
import { useSaveStep, type StepProps } from './use-save-step.ts';

/** Step 3: the services customers book, pre-filled from the trade: rename, re-price, add, remove. */
export function ServicesStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const packId = progress.values.industry?.pack;
  const pack = useQuery(industryPacksQuery()).data?.find((candidate) => candidate.id === packId);
  const { register, control, handleSubmit, setError, formState } = useForm<ServiceRows>({
    resolver: serviceRowsResolver,
    defaultValues: { services: toRows(progress.values.services?.services ?? []) },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'services' });
  const { save, formError } = useSaveStep(tenantId, 'services', setError, formFieldOf, onDone);
  const { errors, isSubmitting } = formState;

  return (
    <StepForm
      title="Your services and prices"
      intro={pack ? `The usual ${pack.name.toLowerCase()} services to start with. Change anything; customers book these on your website.` : 'What customers can book. Change anything.'}
      onSubmit={handleSubmit((values) => save(toBody(values)))}
      busy={isSubmitting}
      formError={formError ?? errors.services?.root?.message ?? errors.services?.message ?? null}
      onBack={onBack}
    >
      <ol className="service-rows">
        {fields.map((field, index) => {
          const rowErrors = errors.services?.[index];
          return (
            <li key={field.id} className="service-row" data-testid="service-row">
              <FormField id={`service-${index}-name`} label="Service" error={rowErrors?.name?.message}>
                <input type="text" {...register(`services.${index}.name`)} />
              </FormField>
              <div className="service-row-numbers">
                <FormField id={`service-${index}-minutes`} label="Minutes" error={rowErrors?.durationMinutes?.message}>
                  <input type="number" inputMode="numeric" min={15} step={15} {...register(`services.${index}.durationMinutes`, { valueAsNumber: true })} />
                </FormField>
                <FormField id={`service-${index}-price`} label="Price ($)" error={rowErrors?.price?.message}>
                  <input type="text" inputMode="decimal" {...register(`services.${index}.price`)} />
                </FormField>
              </div>
              <button type="button" className="button button-ghost button-small" onClick={() => remove(index)} disabled={fields.length === 1} aria-label={`Remove service ${index + 1}`}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-ghost" onClick={() => append({ name: '', durationMinutes: 60, price: '' }, { shouldFocus: true })}>
        + Add a service
      </button>
    </StepForm>
  );
}
