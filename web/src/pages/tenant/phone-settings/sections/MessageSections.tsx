import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { FormField } from '../../../../components/FormField.tsx';
import { Toggle } from '../../../../components/Toggle.tsx';
import { TEXT_LIMITS, type PhoneSettingsFormValues, type TextField } from '../form-values.ts';

/** The example under each box, in the business's own trade (../message-examples.ts). */
type Examples = Record<TextField, string>;

function MessageText({ field, label, hint, placeholder }: { field: TextField; label: string; hint: string; placeholder: string }) {
  const { register, control, formState } = useFormContext<PhoneSettingsFormValues>();
  const length = (useWatch({ control, name: field }) ?? '').trim().length;
  return (
    <FormField id={`phone-${field}`} label={label} optional hint={`${hint} ${length}/${TEXT_LIMITS[field]}`} error={formState.errors[field]?.message}>
      {/* Tall enough that the whole example shows on a phone (about 32 characters a line at 390 px). */}
      <textarea rows={Math.min(8, Math.max(3, Math.ceil(placeholder.length / 32)))} placeholder={placeholder} {...register(field)} />
    </FormField>
  );
}

/** "What callers hear": the greeting, the info message and the after-hours message. */
export function CallerMessagesSection({ examples, disabled }: { examples: Examples; disabled: boolean }) {
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>What callers hear</legend>
      <MessageText field="greetingText" label="Greeting" hint="Played first, before the menu. Left blank, callers hear the example." placeholder={examples.greetingText} />
      <MessageText field="infoText" label="Info message (press 1)" hint="A short word about what you do." placeholder={examples.infoText} />
      <MessageText field="afterHoursText" label="After-hours message" hint="Played when you are closed, before the voicemail." placeholder={examples.afterHoursText} />
    </fieldset>
  );
}

/** "Texts we send for you": the info text, the missed-call text-back and the auto-reply. */
export function TextsSection({ examples, disabled }: { examples: Examples; disabled: boolean }) {
  const { control } = useFormContext<PhoneSettingsFormValues>();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Texts we send for you</legend>
      <MessageText field="infoSmsText" label="Info text (press 1)" hint="Texted to a caller who presses 1: prices, a booking link." placeholder={examples.infoSmsText} />
      <Controller control={control} name="missedCallTextBack" render={({ field }) => <Toggle label="Text callers we missed" checked={field.value} onCheckedChange={field.onChange} />} />
      <MessageText field="missedCallText" label="Missed-call text" hint="Sent once to a caller who hung up or left a voicemail." placeholder={examples.missedCallText} />
      <MessageText field="autoReplyText" label="Auto-reply" hint="Sent when a customer texts your number." placeholder={examples.autoReplyText} />
    </fieldset>
  );
}
