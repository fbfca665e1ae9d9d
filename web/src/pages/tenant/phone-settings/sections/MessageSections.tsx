import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { FormField } from '../../../../components/FormField.tsx';
import { Toggle } from '../../../../components/Toggle.tsx';
import { TEXT_LIMITS, type PhoneSettingsFormValues, type TextField } from '../form-values.ts';

function MessageText({ field, label, hint, placeholder }: { field: TextField; label: string; hint: string; placeholder: string }) {
  const { register, control, formState } = useFormContext<PhoneSettingsFormValues>();
  const length = (useWatch({ control, name: field }) ?? '').trim().length;
  return (
    <FormField id={`phone-${field}`} label={label} optional hint={`${hint} ${length}/${TEXT_LIMITS[field]}`} error={formState.errors[field]?.message}>
      <textarea rows={3} placeholder={placeholder} {...register(field)} />
    </FormField>
  );
}

/** "What callers hear": the greeting, the info message and the after-hours message. */
export function CallerMessagesSection({ businessName, disabled }: { businessName: string; disabled: boolean }) {
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>What callers hear</legend>
      <MessageText field="greetingText" label="Greeting" hint="Played first, before the menu." placeholder={`Thanks for calling ${businessName}!`} />
      <MessageText field="infoText" label="Info message (press 1)" hint="A short word about what you do." placeholder="We come to you and make your car shine. Prices start at $99." />
      <MessageText field="afterHoursText" label="After-hours message" hint="Played when you are closed, before the voicemail." placeholder="We're closed right now. Leave a message and we'll call you back first thing." />
    </fieldset>
  );
}

/** "Texts we send for you": the info text, the missed-call text-back and the auto-reply. */
export function TextsSection({ disabled }: { disabled: boolean }) {
  const { control } = useFormContext<PhoneSettingsFormValues>();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Texts we send for you</legend>
      <MessageText field="infoSmsText" label="Info text (press 1)" hint="Texted to a caller who presses 1: prices, a booking link." placeholder="Here are our prices: … Book online: …" />
      <Controller control={control} name="missedCallTextBack" render={({ field }) => <Toggle label="Text callers we missed" checked={field.value} onCheckedChange={field.onChange} />} />
      <MessageText field="missedCallText" label="Missed-call text" hint="Sent once to a caller who hung up or left a voicemail." placeholder="Sorry we missed your call! Reply here and we'll get right back to you." />
      <MessageText field="autoReplyText" label="Auto-reply" hint="Sent when a customer texts your number." placeholder="Thanks for your text! We'll reply shortly." />
    </fieldset>
  );
}
