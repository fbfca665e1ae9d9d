import { useForm } from 'react-hook-form';
import { prettyXml } from '../../../../domain/pretty-xml.ts';
import { FormField } from '../../components/FormField.tsx';
import { apiSchemaResolver } from '../../lib/form-resolver.ts';
import { browserTimeZone } from './time-zones.ts';
import { onboardingStepInputs, type OnboardingStepInput } from '../../../../domain/inputs/onboarding.ts';
import { previewCall } from './greeting-preview.ts';
import { StepForm } from './StepForm.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

type GreetingValues = OnboardingStepInput<'greeting'>;
const greetingStep = onboardingStepInputs.greeting;
type Business = { businessName?: string; ownerPhone?: string; timeZone?: string };

/** Step 5: the greeting and the "press 1" text, pre-filled from the trade, with what a caller hears as they type. */
export function GreetingStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const business: Business = progress.values.business ?? {};
  const businessName = business.businessName ?? '';
  // Saved, or the trade's suggestion filled with the business's name (the progress carries both).
  const saved: Partial<GreetingValues> = progress.values.greeting ?? {};
  const { register, handleSubmit, setError, watch, formState } = useForm<GreetingValues>({
    resolver: apiSchemaResolver<GreetingValues, typeof greetingStep>(greetingStep),
    defaultValues: { greetingText: saved.greetingText ?? '', infoText: saved.infoText ?? '' },
  });
  const { save, formError } = useSaveStep(tenantId, 'greeting', setError, sameNames(['greetingText', 'infoText']), onDone);
  const { errors, isSubmitting } = formState;
  const phone = progress.values.phone;
  const phoneNumber = phone && 'phoneNumber' in phone ? phone.phoneNumber : null;
  const turns = previewCall({ businessName, greetingText: watch('greetingText'), infoText: watch('infoText'), timeZone: business.timeZone ?? browserTimeZone(), ownerPhone: business.ownerPhone ?? null, phoneNumber: phoneNumber ?? null });

  return (
    <StepForm title="What callers hear" intro="When you can't pick up, your line answers with this. Read it out loud: it should sound like you." onSubmit={handleSubmit(save)} busy={isSubmitting} formError={formError} onBack={onBack}>
      <FormField id="setup-greetingText" label="Greeting" hint="Said first, before the menu." error={errors.greetingText?.message}>
        <textarea rows={3} {...register('greetingText')} />
      </FormField>
      <FormField id="setup-infoText" label="After “press 1”" hint="What you do and roughly what it costs; we also text it to the caller." error={errors.infoText?.message}>
        <textarea rows={5} {...register('infoText')} />
      </FormField>
      <section className="call-preview" aria-labelledby="call-preview-title" data-testid="call-preview">
        <h2 id="call-preview-title">Preview: what the caller hears</h2>
        <ol className="conversation">
          {turns.map((turn) => (
            <li key={turn.label} className="line line-system">
              <span className="line-who">{turn.label}</span>
              {turn.said.map((sentence) => (
                <span key={sentence} className="line-text">
                  “{sentence}”
                </span>
              ))}
            </li>
          ))}
        </ol>
        <details>
          <summary className="small-text">The phone instructions (TwiML) behind it</summary>
          <pre className="twiml">{turns.map((turn) => prettyXml(turn.twiml)).join('\n\n')}</pre>
        </details>
        <p className="muted small-text">On the Starter plan there is no menu: calls ring your mobile, and missed callers hear a voicemail prompt. Once your number is live you can place a test call from the last screen.</p>
      </section>
    </StepForm>
  );
}
