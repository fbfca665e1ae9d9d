import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { tenantIdFromName } from '../../../../domain/tenancy.ts';
import { tenantQuery } from '../../api/queries.ts';
import { FormField } from '../../components/FormField.tsx';
import { onboardingStepInputs } from '../../../../domain/inputs/onboarding.ts';
import { bodyResolver } from './body-resolver.ts';
import { StepForm } from './StepForm.tsx';
import { browserTimeZone, timeZoneChoices, timeZoneLabel } from './time-zones.ts';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

interface BusinessValues {
  businessName: string;
  slug: string;
  ownerName: string;
  ownerPhone: string;
  timeZone: string;
  serviceArea: string;
}
const FIELDS = ['businessName', 'slug', 'ownerName', 'ownerPhone', 'timeZone', 'serviceArea'] as const;
/** A mobile left empty is none at all (it is optional), not a number that will not parse. */
const toBody = ({ ownerPhone, ...rest }: BusinessValues) => ({ ...rest, ...(ownerPhone.trim() ? { ownerPhone } : {}) });
const resolver = bodyResolver<BusinessValues>(onboardingStepInputs.business, toBody, sameNames(FIELDS), 'businessName');

/** Step 1: the business's name and web address, who runs it, their mobile, time zone and area. */
export function BusinessStep({ tenantId, progress, onDone }: StepProps) {
  const saved: Partial<BusinessValues> = progress.values.business ?? {};
  const signupName = useQuery(tenantQuery(tenantId)).data?.businessName ?? '';
  const businessName = saved.businessName ?? signupName;
  const { register, handleSubmit, setError, watch, formState } = useForm<BusinessValues>({
    resolver,
    values: {
      businessName,
      slug: saved.slug ?? (businessName ? tenantIdFromName(businessName) : ''),
      ownerName: saved.ownerName ?? '',
      ownerPhone: saved.ownerPhone ?? '',
      timeZone: saved.timeZone ?? browserTimeZone(),
      serviceArea: saved.serviceArea ?? '',
    },
    resetOptions: { keepDirtyValues: true },
  });
  const { errors, isSubmitting } = formState;
  const { save, formError } = useSaveStep(tenantId, 'business', setError, sameNames(FIELDS), onDone);
  const slug = watch('slug');
  const timeZone = watch('timeZone');

  return (
    <StepForm title="About your business" intro="Customers see these on your website and in your texts." onSubmit={handleSubmit((values) => save(toBody(values)))} busy={isSubmitting} formError={formError}>
      <FormField id="setup-businessName" label="Business name" error={errors.businessName?.message}>
        <input type="text" autoComplete="organization" {...register('businessName')} />
      </FormField>
      <FormField id="setup-slug" label="Web address" hint={<>Your website: <strong data-testid="slug-preview">{location.host}/s/{slug || '…'}</strong>. Lowercase letters, numbers and hyphens.</>} error={errors.slug?.message}>
        <input type="text" autoCapitalize="none" autoCorrect="off" spellCheck={false} {...register('slug', { setValueAs: (value: string) => value.trim().toLowerCase() })} />
      </FormField>
      <FormField id="setup-ownerName" label="Your name" error={errors.ownerName?.message}>
        <input type="text" autoComplete="name" {...register('ownerName')} />
      </FormField>
      <FormField id="setup-ownerPhone" label="Your mobile" hint="Calls are forwarded here, and we text you about new voicemail and bookings." error={errors.ownerPhone?.message}>
        <input type="tel" inputMode="tel" autoComplete="tel" {...register('ownerPhone')} />
      </FormField>
      <FormField id="setup-timeZone" label="Time zone" error={errors.timeZone?.message}>
        <select {...register('timeZone')}>
          {timeZoneChoices(timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {timeZoneLabel(zone)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="setup-serviceArea" label="Where you work" hint="Towns, a county or a radius, like “Tulsa and Broken Arrow”." error={errors.serviceArea?.message}>
        <input type="text" {...register('serviceArea')} />
      </FormField>
    </StepForm>
  );
}
