import { Controller, useFormContext, useWatch } from 'react-hook-form';
import type { IvrMode, PhoneSettings } from '../../../../api/types.ts';
import { Toggle } from '../../../../components/Toggle.tsx';
import type { PhoneSettingsFormValues } from '../form-values.ts';

const MODES: { mode: IvrMode; title: string; text: string }[] = [
  { mode: 'simple', title: 'Forward every call', text: 'Calls ring your phone (or your SIP app) right away.' },
  { mode: 'ivr', title: 'Phone menu', text: 'Callers hear your greeting, then press 1 for info by text, 2 to talk to you, 3 to leave a message.' },
  { mode: 'ai-voice', title: 'AI receptionist', text: 'An AI answers and takes messages. Until it is ready, callers get the phone menu.' },
];

/** "How calls are answered": forwarding, the menu or the AI, each with its plan lock; the joke option. */
export function AnswerSection({ saved, disabled }: { saved: PhoneSettings; disabled: boolean }) {
  const { register, control, formState } = useFormContext<PhoneSettingsFormValues>();
  const ivrMode = useWatch({ control, name: 'ivrMode' });
  const jokesLock = saved.planLocks.jokes;
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>How calls are answered</legend>
      <div className="mode-options" role="radiogroup" aria-label="How calls are answered">
        {MODES.map(({ mode, title, text }) => {
          const locked = saved.planLocks.ivrModes[mode];
          return (
            <label key={mode} className={`mode-option${ivrMode === mode ? ' is-selected' : ''}${locked ? ' is-locked' : ''}`} data-mode={mode}>
              <input type="radio" value={mode} disabled={Boolean(locked)} {...register('ivrMode')} />
              <span className="mode-title">{title}</span>
              <span className="mode-text">{text}</span>
              {locked && <span className="plan-lock">🔒 {locked}</span>}
            </label>
          );
        })}
      </div>
      {formState.errors.ivrMode && <p className="field-error">{formState.errors.ivrMode.message}</p>}
      <Controller
        control={control}
        name="jokesEnabled"
        render={({ field }) => (
          // A plan without the menu cannot turn jokes on; one left on from before a downgrade can still be turned off.
          <Toggle className={jokesLock ? 'is-locked' : undefined} label="Offer a joke in the menu (press 7)" checked={field.value} disabled={Boolean(jokesLock) && !field.value} onCheckedChange={field.onChange} />
        )}
      />
      {jokesLock && <p className="plan-lock">🔒 {jokesLock}</p>}
      {formState.errors.jokesEnabled && <p className="field-error">{formState.errors.jokesEnabled.message}</p>}
    </fieldset>
  );
}
