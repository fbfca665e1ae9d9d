import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { fetchPhoneSettings, savePhoneSettings } from '../../api/tenant-endpoints.ts';
import type { PhoneSettings, TenantSummary } from '../../api/tenant-types.ts';
import type { IvrMode } from '../../api/types.ts';
import { FormField } from '../../components/FormField.tsx';
import { BusinessHoursEditor } from '../../components/tenant/BusinessHoursEditor.tsx';
import { ListError } from '../../components/tenant/ListStates.tsx';
import { formatPhone } from '../../lib/format.ts';
import {
  countryLabel,
  formValues,
  phoneSettingsChanges,
  TEXT_LIMITS,
  timeZoneOptions,
  validatePhoneSettings,
  type FormErrors,
  type PhoneSettingsFormValues,
  type TextField,
} from '../../lib/phone-settings-form.ts';
import { useLoad } from '../../lib/use-load.ts';

const MODES: { mode: IvrMode; title: string; text: string }[] = [
  { mode: 'simple', title: 'Forward every call', text: 'Calls ring your phone (or your SIP app) right away.' },
  { mode: 'ivr', title: 'Phone menu', text: 'Callers hear your greeting, then press 1 for info by text, 2 to talk to you, 3 to leave a message.' },
  { mode: 'ai-voice', title: 'AI receptionist', text: 'An AI answers and takes messages. Until it is ready, callers get the phone menu.' },
];

const MODE_NAMES: Record<IvrMode, string> = { simple: 'call forwarding', ivr: 'the phone menu', 'ai-voice': 'the AI receptionist' };

/** How the business phone answers: menu or forwarding, hours, what callers hear, what we text. */
export function PhoneSettingsPage({ tenant }: { tenant: TenantSummary }) {
  const { state, reload, setData } = useLoad((signal) => fetchPhoneSettings(tenant.id, signal), [tenant.id]);
  if (state.kind === 'loading') return <p role="status" className="muted">Loading your phone settings…</p>;
  if (state.kind === 'error') return <ListError title="We couldn't load your phone settings" message={state.message} onRetry={reload} />;
  return <PhoneSettingsForm tenant={tenant} saved={state.data} onSaved={setData} />;
}

function PhoneSettingsForm({ tenant, saved, onSaved }: { tenant: TenantSummary; saved: PhoneSettings; onSaved: (settings: PhoneSettings) => void }) {
  const [values, setValues] = useState<PhoneSettingsFormValues>(() => formValues(saved));
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => setValues(formValues(saved)), [saved]);

  const readOnly = !tenant.canManage || !saved.phoneNumber;
  const errors = { ...serverErrors, ...clientErrors };
  const zones = timeZoneOptions(values.timeZone);

  function update<K extends keyof PhoneSettingsFormValues>(field: K, value: PhoneSettingsFormValues[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    setNotice(null);
    if (submitted) setClientErrors(validatePhoneSettings(next));
    // A server message is about the old value: drop it once the field changes.
    const prefix = field === 'hours' || field === 'hoursMode' ? 'businessHours' : field;
    if (Object.keys(serverErrors).some((key) => key.startsWith(prefix))) {
      setServerErrors(Object.fromEntries(Object.entries(serverErrors).filter(([key]) => !key.startsWith(prefix))));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || readOnly) return;
    setSubmitted(true);
    setFormError(null);
    setNotice(null);
    setServerErrors({});
    const found = validatePhoneSettings(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Please fix the highlighted fields.');
      focusFirstError();
      return;
    }
    const changes = phoneSettingsChanges(values, saved);
    if (Object.keys(changes).length === 0) {
      setNotice('Nothing to save: these are already your settings.');
      return;
    }
    setSaving(true);
    try {
      const updated = await savePhoneSettings(tenant.id, changes);
      onSaved(updated);
      setSubmitted(false);
      setNotice('Saved. Your next call uses these settings.');
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setServerErrors(error.fields);
        setFormError(error.message);
        focusFirstError();
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  }

  const textField = (field: TextField, label: string, hint: string, placeholder: string) => (
    <FormField id={`phone-${field}`} label={label} optional hint={`${hint} ${values[field].trim().length}/${TEXT_LIMITS[field]}`} error={errors[field]}>
      <textarea name={field} rows={3} placeholder={placeholder} value={values[field]} onChange={(event) => update(field, event.target.value)} />
    </FormField>
  );

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-busy={saving} aria-labelledby="phone-title">
      <div className="page-toolbar">
        <div>
          <h1 id="phone-title">Phone settings</h1>
          <p className="muted">
            Your business number: <strong>{saved.phoneNumber ? formatPhone(saved.phoneNumber) : 'not assigned yet'}</strong>
          </p>
        </div>
      </div>

      {!saved.phoneNumber && (
        <p className="form-notice" role="note">
          This business doesn't have a phone number yet. The platform owner must assign one first; then you can choose how calls are answered.
        </p>
      )}
      {saved.phoneNumber && !tenant.canManage && (
        <p className="form-notice" role="note">
          Only the business owner can change these settings. You can see them here.
        </p>
      )}
      {saved.effectiveIvrMode !== saved.ivrMode && (
        <p className="form-notice" role="note">
          Your plan doesn't include {MODE_NAMES[saved.ivrMode]}, so callers get {MODE_NAMES[saved.effectiveIvrMode]} for now.
        </p>
      )}
      {formError && (
        <div className="form-alert" role="alert">
          {formError}
        </div>
      )}

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>How calls are answered</legend>
        <div className="mode-options" role="radiogroup" aria-label="How calls are answered">
          {MODES.map(({ mode, title, text }) => {
            const locked = saved.planLocks.ivrModes[mode];
            return (
              <label key={mode} className={`mode-option${values.ivrMode === mode ? ' is-selected' : ''}${locked ? ' is-locked' : ''}`} data-mode={mode}>
                <input type="radio" name="ivrMode" value={mode} checked={values.ivrMode === mode} disabled={Boolean(locked)} onChange={() => update('ivrMode', mode)} />
                <span className="mode-title">{title}</span>
                <span className="mode-text">{text}</span>
                {locked && <span className="plan-lock">🔒 {locked}</span>}
              </label>
            );
          })}
        </div>
        {errors.ivrMode && <p className="field-error">{errors.ivrMode}</p>}
        <label className={`toggle${saved.planLocks.jokes ? ' is-locked' : ''}`}>
          {/* A plan without the menu cannot turn jokes on; one left on from before a downgrade can still be turned off. */}
          <input type="checkbox" checked={values.jokesEnabled} disabled={Boolean(saved.planLocks.jokes) && !values.jokesEnabled} onChange={(event) => update('jokesEnabled', event.target.checked)} />
          <span className="toggle-track" aria-hidden="true" />
          Offer a joke in the menu (press 7)
        </label>
        {saved.planLocks.jokes && <p className="plan-lock">🔒 {saved.planLocks.jokes}</p>}
        {errors.jokesEnabled && <p className="field-error">{errors.jokesEnabled}</p>}
      </fieldset>

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>Where calls ring</legend>
        <FormField id="phone-forwardingNumber" label="Forward calls to" optional hint="Your mobile or office phone, like +19185550123. With the menu, callers reach it by pressing 2." error={errors.forwardingNumber}>
          <input name="forwardingNumber" type="tel" inputMode="tel" autoComplete="tel" placeholder="+19185550123" value={values.forwardingNumber} onChange={(event) => update('forwardingNumber', event.target.value)} />
        </FormField>
      </fieldset>

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>Business hours</legend>
        <p className="field-hint">Outside these hours callers hear your after-hours message and can leave a voicemail.</p>
        <div className="choice-row" role="radiogroup" aria-label="When calls are answered">
          <label className="choice">
            <input type="radio" name="hoursMode" checked={values.hoursMode === 'always'} onChange={() => update('hoursMode', 'always')} />
            Answer calls at any time
          </label>
          <label className="choice">
            <input type="radio" name="hoursMode" checked={values.hoursMode === 'set'} onChange={() => update('hoursMode', 'set')} />
            Only during business hours
          </label>
        </div>
        {values.hoursMode === 'set' && (
          <>
            <FormField id="phone-timeZone" label="Time zone" error={errors.timeZone}>
              <select name="timeZone" value={values.timeZone} onChange={(event) => update('timeZone', event.target.value)}>
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
            <BusinessHoursEditor hours={values.hours} errors={errors} disabled={readOnly} onChange={(hours) => update('hours', hours)} />
          </>
        )}
        {errors.businessHours && (
          <p className="field-error" data-field-error="businessHours">
            {errors.businessHours}
          </p>
        )}
      </fieldset>

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>What callers hear</legend>
        {textField('greetingText', 'Greeting', 'Played first, before the menu.', `Thanks for calling ${tenant.businessName}!`)}
        {textField('infoText', 'Info message (press 1)', 'A short word about what you do.', 'We come to you and make your car shine. Prices start at $99.')}
        {textField('afterHoursText', 'After-hours message', 'Played when you are closed, before the voicemail.', "We're closed right now. Leave a message and we'll call you back first thing.")}
      </fieldset>

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>Texts we send for you</legend>
        {textField('infoSmsText', 'Info text (press 1)', 'Texted to a caller who presses 1: prices, a booking link.', 'Here are our prices: … Book online: …')}
        <label className="toggle">
          <input type="checkbox" checked={values.missedCallTextBack} onChange={(event) => update('missedCallTextBack', event.target.checked)} />
          <span className="toggle-track" aria-hidden="true" />
          Text callers we missed
        </label>
        {textField('missedCallText', 'Missed-call text', 'Sent once to a caller who hung up or left a voicemail.', "Sorry we missed your call! Reply here and we'll get right back to you.")}
        {textField('autoReplyText', 'Auto-reply', 'Sent when a customer texts your number.', "Thanks for your text! We'll reply shortly.")}
      </fieldset>

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>Countries we text and call</legend>
        <p className="field-hint">
          Texts we send for you and forwarded calls go only to numbers in these countries. Premium-rate and satellite numbers are never texted or called: they are how toll fraud costs businesses money.
        </p>
        <div className="choice-row">
          {saved.platformAllowedCountries.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                name="allowedCountries"
                value={code}
                checked={values.allowedCountries.includes(code)}
                onChange={(event) => update('allowedCountries', event.target.checked ? [...values.allowedCountries, code] : values.allowedCountries.filter((c) => c !== code))}
              />
              {countryLabel(code)}
            </label>
          ))}
        </div>
        {errors.allowedCountries && (
          <p className="field-error" data-field-error="allowedCountries">
            {errors.allowedCountries}
          </p>
        )}
      </fieldset>

      <fieldset className="settings-card" disabled={readOnly}>
        <legend>How we reach you</legend>
        <FormField id="phone-ownerNotifyPhone" label="Your mobile number" optional hint="We text you here about new voicemails. Leave empty to use the forwarding number." error={errors.ownerNotifyPhone}>
          <input name="ownerNotifyPhone" type="tel" inputMode="tel" placeholder="+19185550123" value={values.ownerNotifyPhone} onChange={(event) => update('ownerNotifyPhone', event.target.value)} />
        </FormField>
        <FormField id="phone-ownerNotifyEmail" label="Your email" optional error={errors.ownerNotifyEmail}>
          <input name="ownerNotifyEmail" type="email" autoComplete="email" placeholder="you@example.com" value={values.ownerNotifyEmail} onChange={(event) => update('ownerNotifyEmail', event.target.value)} />
        </FormField>
      </fieldset>

      {!readOnly && (
        <div className="settings-actions">
          <p className="settings-status" role="status" aria-live="polite">
            {notice}
          </p>
          <button type="button" className="button button-ghost" onClick={() => { setValues(formValues(saved)); setClientErrors({}); setServerErrors({}); setFormError(null); setNotice(null); }} disabled={saving}>
            Undo changes
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      )}
    </form>
  );
}

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.settings-form [aria-invalid="true"]')?.focus());
}
