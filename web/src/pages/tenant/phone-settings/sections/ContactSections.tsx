import { Controller, useFormContext } from 'react-hook-form';
import { FormField } from '../../../../components/FormField.tsx';
import { countryLabel, type PhoneSettingsFormValues } from '../form-values.ts';

const PHONE_EXAMPLE = 'like (918) 555-0123';

/** "Where calls ring": the phone calls are forwarded to. */
export function ForwardingSection({ disabled }: { disabled: boolean }) {
  const { register, formState } = useFormContext<PhoneSettingsFormValues>();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Where calls ring</legend>
      <FormField id="phone-forwardingNumber" label="Forward calls to" optional hint={`Your mobile or office phone, ${PHONE_EXAMPLE}. With the menu, callers reach it by pressing 2.`} error={formState.errors.forwardingNumber?.message}>
        <input type="tel" inputMode="tel" autoComplete="tel" placeholder="(918) 555-0123" {...register('forwardingNumber')} />
      </FormField>
    </fieldset>
  );
}

/** "Countries we text and call": the toll-fraud guard, within what the platform allows. */
export function CountriesSection({ platformCountries, disabled }: { platformCountries: string[]; disabled: boolean }) {
  const { control, formState } = useFormContext<PhoneSettingsFormValues>();
  const error = formState.errors.allowedCountries?.message;
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Countries we text and call</legend>
      <p className="field-hint">
        Texts we send for you and forwarded calls go only to numbers in these countries. Premium-rate and satellite numbers are never texted or called: they are how toll fraud costs businesses money.
      </p>
      <Controller
        control={control}
        name="allowedCountries"
        render={({ field }) => (
          <div className="choice-row">
            {platformCountries.map((code) => (
              <label key={code} className="choice">
                <input
                  type="checkbox"
                  name={field.name}
                  value={code}
                  checked={field.value.includes(code)}
                  onChange={(event) => field.onChange(event.target.checked ? [...field.value, code] : field.value.filter((c) => c !== code))}
                />
                {countryLabel(code)}
              </label>
            ))}
          </div>
        )}
      />
      {error && (
        <p className="field-error" data-field-error="allowedCountries">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** "How we reach you": where voicemail alerts go. */
export function ReachYouSection({ disabled }: { disabled: boolean }) {
  const { register, formState } = useFormContext<PhoneSettingsFormValues>();
  const { errors } = formState;
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>How we reach you</legend>
      <FormField id="phone-ownerNotifyPhone" label="Your mobile number" optional hint="We text you here about new voicemails. Leave empty to use the forwarding number." error={errors.ownerNotifyPhone?.message}>
        <input type="tel" inputMode="tel" placeholder="(918) 555-0123" {...register('ownerNotifyPhone')} />
      </FormField>
      <FormField id="phone-ownerNotifyEmail" label="Your email" optional error={errors.ownerNotifyEmail?.message}>
        <input type="email" autoComplete="email" placeholder="you@example.com" {...register('ownerNotifyEmail')} />
      </FormField>
    </fieldset>
  );
}
