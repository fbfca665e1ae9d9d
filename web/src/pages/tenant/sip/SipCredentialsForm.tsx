import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { phoneSettingsFields } from '../../../../../domain/inputs/phone-settings.ts';
import { savePhoneSettings } from '../../../api/endpoints.ts';
import { keys } from '../../../api/queries.ts';
import type { PhoneSettings, PhoneSettingsChanges, TenantSummary } from '../../../api/types.ts';
import { FormField } from '../../../components/FormField.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';
import { ClosedBusinessNote, isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';

// The API's own rules for the three SIP fields; an empty password means "keep the one that is set".
const sipForm = z.object({
  sipDomain: phoneSettingsFields.sipDomain,
  sipUsername: phoneSettingsFields.sipUsername,
  sipPassword: z.preprocess((value) => value || undefined, phoneSettingsFields.sipPassword),
});
interface SipValues {
  sipDomain: string;
  sipUsername: string;
  sipPassword: string;
}

/** The SIP account a softphone app signs in with; the password is written, never shown again. */
export function SipCredentialsForm({ tenant, settings }: { tenant: TenantSummary; settings: PhoneSettings }) {
  const queryClient = useQueryClient();
  const [changingPassword, setChangingPassword] = useState(!settings.sipPasswordSet);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const readOnly = !tenant.canManage || !settings.phoneNumber || Boolean(settings.planLocks.sip) || isClosed(tenant);
  const { register, handleSubmit, setError, resetField, formState } = useForm<SipValues, unknown, z.output<typeof sipForm>>({
    resolver: apiSchemaResolver(sipForm),
    defaultValues: { sipDomain: settings.sipDomain ?? '', sipUsername: settings.sipUsername ?? '', sipPassword: '' },
  });
  const { errors } = formState;
  const save = useMutation({
    mutationFn: (changes: PhoneSettingsChanges) => savePhoneSettings(tenant.id, changes),
    onSuccess: (updated) => queryClient.setQueryData(keys.phoneSettings(tenant.id), updated),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setNotice(null);
    const changes: PhoneSettingsChanges = {};
    if (values.sipDomain !== settings.sipDomain) changes.sipDomain = values.sipDomain;
    if (values.sipUsername !== settings.sipUsername) changes.sipUsername = values.sipUsername;
    if (changingPassword && values.sipPassword) changes.sipPassword = values.sipPassword;
    if (Object.keys(changes).length === 0) return setNotice('Nothing to save.');
    try {
      const updated = await save.mutateAsync(changes);
      resetField('sipPassword');
      setChangingPassword(!updated.sipPasswordSet);
      setNotice('Saved.');
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name in sipForm.shape) ?? 'Please check the highlighted fields.');
    }
  });

  return (
    <form className="settings-card form" onSubmit={onSubmit} noValidate aria-busy={save.isPending}>
      <h2>Your SIP account</h2>
      {isClosed(tenant) ? (
        <ClosedBusinessNote tenant={tenant} what="its SIP account can no longer be changed" />
      ) : (
        !tenant.canManage && <p className="field-hint">Only the business owner can change these.</p>
      )}
      {formError && (
        <div className="form-alert" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <FormField id="sip-domain" label="SIP domain" hint="From your SIP provider, like clean-machine.sip.twilio.com." error={errors.sipDomain?.message}>
          <input type="text" autoCapitalize="none" spellCheck={false} placeholder="clean-machine.sip.twilio.com" {...register('sipDomain')} />
        </FormField>
        <FormField id="sip-username" label="Username" error={errors.sipUsername?.message}>
          <input type="text" autoCapitalize="none" autoComplete="off" spellCheck={false} placeholder="owner" {...register('sipUsername')} />
        </FormField>
        {changingPassword ? (
          <FormField id="sip-password" label="Password" hint="At least 12 characters, with upper- and lower-case letters and a digit. Stored encrypted; never shown again." error={errors.sipPassword?.message}>
            <input type="password" autoComplete="new-password" {...register('sipPassword')} />
          </FormField>
        ) : (
          <div className="form-field">
            <span className="field-label">Password</span>
            <p className="password-set">
              <span data-testid="sip-password-status">Set</span>
              <button type="button" className="link-button as-button" onClick={() => setChangingPassword(true)}>
                Change password
              </button>
            </p>
          </div>
        )}
      </fieldset>
      {!readOnly && (
        <div className="settings-actions">
          <p className="settings-status" role="status" aria-live="polite">
            {notice}
          </p>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save SIP account'}
          </button>
        </div>
      )}
    </form>
  );
}
