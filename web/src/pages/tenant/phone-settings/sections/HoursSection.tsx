import { get, useController, useFormContext, useWatch } from 'react-hook-form';
import { FormField } from '../../../../components/FormField.tsx';
import { BusinessHoursEditor } from '../BusinessHoursEditor.tsx';
import { timeZoneOptions, type PhoneSettingsFormValues } from '../form-values.ts';

/** "Business hours": any time, or set hours per day in the business's time zone. */
export function HoursSection({ disabled }: { disabled: boolean }) {
  const { register, control, formState } = useFormContext<PhoneSettingsFormValues>();
  const hoursMode = useWatch({ control, name: 'hoursMode' });
  const timeZone = useWatch({ control, name: 'timeZone' });
  const { field: hours } = useController({ control, name: 'businessHours' });
  const { errors } = formState;
  const zones = timeZoneOptions(timeZone);
  // Errors nest like the API's field names: businessHours.mon.1, or businessHours for the whole week.
  const messageAt = (path: string) => (get(errors, path) as { message?: string } | undefined)?.message;
  const hoursError = messageAt('businessHours');

  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Business hours</legend>
      <p className="field-hint">Outside these hours callers hear your after-hours message and can leave a voicemail.</p>
      <div className="choice-row" role="radiogroup" aria-label="When calls are answered">
        <label className="choice">
          <input type="radio" value="always" {...register('hoursMode')} />
          Answer calls at any time
        </label>
        <label className="choice">
          <input type="radio" value="set" {...register('hoursMode')} />
          Only during business hours
        </label>
      </div>
      {hoursMode === 'set' && (
        <>
          <FormField id="phone-timeZone" label="Time zone" error={errors.timeZone?.message}>
            <select {...register('timeZone')}>
              <optgroup label="United States">
                {zones.us.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replace(/_/g, ' ')}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Everywhere">
                {zones.all.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replace(/_/g, ' ')}
                  </option>
                ))}
              </optgroup>
            </select>
          </FormField>
          <BusinessHoursEditor hours={hours.value} errorAt={(day, index) => messageAt(`businessHours.${day}.${index}`)} disabled={disabled} onChange={hours.onChange} />
        </>
      )}
      {hoursError && (
        <p className="field-error" data-field-error="businessHours">
          {hoursError}
        </p>
      )}
    </fieldset>
  );
}
