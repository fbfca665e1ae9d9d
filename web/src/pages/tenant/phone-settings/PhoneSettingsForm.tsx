import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { savePhoneSettings } from '../../../api/endpoints.ts';
import { keys } from '../../../api/queries.ts';
import type { IvrMode, PhoneSettings, PhoneSettingsChanges, TenantSummary } from '../../../api/types.ts';
import { ClosedBusinessNote, isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';
import { formatPhone } from '../../../lib/format.ts';
import { formValues, phoneSettingsChanges, phoneSettingsForm, type CheckedPhoneSettings, type PhoneSettingsFormValues } from './form-values.ts';
import { messageExamples } from './message-examples.ts';
import { AnswerSection } from './sections/AnswerSection.tsx';
import { CountriesSection, ForwardingSection, ReachYouSection } from './sections/ContactSections.tsx';
import { HoursSection } from './sections/HoursSection.tsx';
import { CallerMessagesSection, TextsSection } from './sections/MessageSections.tsx';

const MODE_NAMES: Record<IvrMode, string> = { simple: 'call forwarding', ivr: 'the phone menu', 'ai-voice': 'the AI receptionist' };
const FORM_FIELDS = new Set(['ivrMode', 'forwardingNumber', 'businessHours', 'timeZone', 'greetingText', 'infoText', 'afterHoursText', 'infoSmsText', 'missedCallText', 'autoReplyText', 'jokesEnabled', 'missedCallTextBack', 'ownerNotifyPhone', 'ownerNotifyEmail', 'allowedCountries']);

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.settings-form [aria-invalid="true"]')?.focus());
}

/** The settings in sections; checked with the API's rules as the owner types, saved as one PATCH of what changed. */
export function PhoneSettingsForm({ tenant, saved }: { tenant: TenantSummary; saved: PhoneSettings }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<PhoneSettingsFormValues, unknown, CheckedPhoneSettings>({ resolver: apiSchemaResolver(phoneSettingsForm), defaultValues: formValues(saved), shouldFocusError: false });
  const save = useMutation({
    mutationFn: (changes: PhoneSettingsChanges) => savePhoneSettings(tenant.id, changes),
    onSuccess: (updated) => queryClient.setQueryData(keys.phoneSettings(tenant.id), updated),
  });
  const readOnly = !tenant.canManage || !saved.phoneNumber || isClosed(tenant);
  const examples = messageExamples(tenant);

  // Settings changed elsewhere (another tab, a refetch): take them, keeping what the owner is editing.
  useEffect(() => form.reset(formValues(saved), { keepDirtyValues: true }), [saved, form]);
  // "Saved" (or "Nothing to save") is true until the owner changes something again.
  const shownNotice = form.formState.isDirty ? null : notice;

  const onSubmit = form.handleSubmit(
    async (checked) => {
      setFormError(null);
      const changes = phoneSettingsChanges(checked, saved);
      if (Object.keys(changes).length === 0) return setNotice('Nothing to save: these are already your settings.');
      try {
        form.reset(formValues(await save.mutateAsync(changes)));
        setNotice('Saved. Your next call uses these settings.');
      } catch (error) {
        setFormError(showApiError(error, form.setError, (name) => FORM_FIELDS.has(name.split('.')[0]!)) ?? (error as Error).message);
        focusFirstError();
      }
    },
    () => {
      setNotice(null);
      setFormError('Please fix the highlighted fields.');
      focusFirstError();
    },
  );

  const undo = () => {
    form.reset(formValues(saved));
    setFormError(null);
    setNotice(null);
  };

  return (
    <FormProvider {...form}>
      <form className="settings-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={save.isPending} aria-labelledby="phone-title">
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
        {isClosed(tenant) && <ClosedBusinessNote tenant={tenant} what="its phone settings can no longer be changed" />}
        {saved.phoneNumber && !tenant.canManage && !isClosed(tenant) && (
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

        <AnswerSection saved={saved} disabled={readOnly} />
        <ForwardingSection disabled={readOnly} />
        <HoursSection disabled={readOnly} />
        <CallerMessagesSection examples={examples} disabled={readOnly} />
        <TextsSection examples={examples} disabled={readOnly} />
        <CountriesSection platformCountries={saved.platformAllowedCountries} disabled={readOnly} />
        <ReachYouSection disabled={readOnly} />

        {!readOnly && (
          <div className="settings-actions">
            <p className="settings-status" role="status" aria-live="polite">
              {shownNotice}
            </p>
            <button type="button" className="button button-ghost" onClick={undo} disabled={save.isPending}>
              Undo changes
            </button>
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
