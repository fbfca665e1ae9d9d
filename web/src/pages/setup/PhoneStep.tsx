import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/client.ts';
import { availableNumbersQuery } from '../../api/onboarding-queries.ts';
import { FormField } from '../../components/FormField.tsx';
import { formatPhone } from '../../lib/format.ts';
import { StepForm } from './StepForm.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

interface PhoneValues {
  choice: 'new' | 'forward';
  phoneNumber: string;
  forwardExisting: string;
}

/** Numbers listed at first: a phone screen's worth. */
const SHOWN = 5;

/** The area code of a US mobile (+1 918 …), to search near the owner first. */
const areaCodeOf = (phone: unknown) => (typeof phone === 'string' ? (/^\+1(\d{3})/.exec(phone)?.[1] ?? '') : '');

/** Step 4: a local number bought for the business (search by area code), or, on Starter, the owner's own number forwarded. */
export function PhoneStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const saved: { phoneNumber?: string; forwardExisting?: string } = progress.values.phone ?? {};
  const [areaCode, setAreaCode] = useState(() => areaCodeOf(saved.phoneNumber) || areaCodeOf(progress.values.business?.ownerPhone));
  const [searched, setSearched] = useState(areaCode);
  const [showAll, setShowAll] = useState(false);
  const numbers = useQuery(availableNumbersQuery(tenantId, searched));
  const { register, handleSubmit, setError, watch, formState } = useForm<PhoneValues>({
    defaultValues: { choice: saved.forwardExisting ? 'forward' : 'new', phoneNumber: saved.phoneNumber ?? '', forwardExisting: saved.forwardExisting ?? '' },
  });
  const { save, formError } = useSaveStep(tenantId, 'phone', setError, sameNames(['phoneNumber', 'forwardExisting']), onDone);
  const { errors, isSubmitting } = formState;
  const choice = watch('choice');
  const picked = watch('phoneNumber');
  const offered = numbers.data ?? [];
  // The number saved before stays a choice even when a new search does not list it.
  const choices = saved.phoneNumber && !offered.some((n) => n.phoneNumber === saved.phoneNumber) ? [{ phoneNumber: saved.phoneNumber, locality: null, region: null }, ...offered] : offered;

  const onSubmit = handleSubmit(async (values) => {
    if (values.choice === 'new' && !values.phoneNumber) return setError('phoneNumber', { message: 'Search an area code, then pick one of the numbers.' });
    if (values.choice === 'forward' && !values.forwardExisting.trim()) return setError('forwardExisting', { message: 'Enter the number your customers call today.' });
    await save(values.choice === 'new' ? { phoneNumber: values.phoneNumber } : { forwardExisting: values.forwardExisting });
  });

  return (
    <StepForm title="Your business number" intro="Customers call and text this number; we answer with your greeting and forward calls to your mobile." onSubmit={onSubmit} busy={isSubmitting} formError={formError} onBack={onBack}>
      <fieldset className="segmented">
        <legend className="visually-hidden">Which number</legend>
        <label>
          <input type="radio" value="new" {...register('choice')} /> A new local number
        </label>
        <label>
          <input type="radio" value="forward" {...register('choice')} /> Keep my number
        </label>
      </fieldset>

      {choice === 'new' ? (
        <>
          <div className="area-code-search">
            <FormField id="setup-areaCode" label="Area code" error={numbers.isError ? errorMessage(numbers.error) : undefined}>
              <input type="text" inputMode="numeric" maxLength={3} value={areaCode} onChange={(event) => setAreaCode(event.target.value.replace(/\D/g, ''))} onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), setSearched(areaCode))} />
            </FormField>
            <button type="button" className="button button-ghost" onClick={() => (setSearched(areaCode), setShowAll(false))} disabled={!/^\d{3}$/.test(areaCode)}>
              Search
            </button>
          </div>
          {numbers.isFetching && <p role="status">Looking for numbers…</p>}
          {numbers.isSuccess && offered.length === 0 && <p role="status">No numbers left in {searched}. Try a nearby area code.</p>}
          {choices.length > 0 && (
            <fieldset className="choice-cards number-choices">
              <legend className="field-hint">Pick one:</legend>
              {(showAll ? choices : choices.slice(0, SHOWN)).map((number) => (
                <label key={number.phoneNumber} className="choice-card" data-testid="number-choice">
                  <input type="radio" value={number.phoneNumber} {...register('phoneNumber')} />
                  <span className="choice-card-title">{formatPhone(number.phoneNumber)}</span>
                  {(number.locality || number.region) && <span className="choice-card-text muted">{[number.locality, number.region].filter(Boolean).join(', ')}</span>}
                </label>
              ))}
            </fieldset>
          )}
          {!showAll && choices.length > SHOWN && (
            <button type="button" className="button button-ghost" onClick={() => setShowAll(true)}>
              Show {choices.length - SHOWN} more numbers
            </button>
          )}
          {errors.phoneNumber && <p className="field-error">{errors.phoneNumber.message}</p>}
          {picked && <p className="muted small-text">It is yours once you finish setup.</p>}
        </>
      ) : (
        <FormField id="setup-forwardExisting" label="The number customers call today" hint="Starter plan: you keep it and forward it to the number we give you, so we can answer, take messages and text back." error={errors.forwardExisting?.message}>
          <input type="tel" inputMode="tel" {...register('forwardExisting')} />
        </FormField>
      )}
    </StepForm>
  );
}
