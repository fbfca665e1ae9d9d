import { Link, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { newPasswordForm, type NewPasswordForm } from '../../../../domain/inputs/accounts.ts';
import { confirmPasswordReset } from '../../api/account-endpoints.ts';
import { FormField } from '../../components/FormField.tsx';
import { showApiError } from '../../lib/api-form-errors.ts';
import { NEW_PASSWORD_HINT } from '../../lib/password-hint.ts';
import { apiSchemaResolver } from '../../lib/form-resolver.ts';
import { linkToken } from '../../lib/link-token.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { AccountCard } from './AccountCard.tsx';

/** `/reset-password#token=…`: the reset email's link. A new password ends every session of the account. */
export function ResetPasswordPage() {
  const token = linkToken(useLocation({ select: (location) => location.hash }));
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<NewPasswordForm>({ resolver: apiSchemaResolver<NewPasswordForm, typeof newPasswordForm>(newPasswordForm), defaultValues: { password: '' } });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await confirmPasswordReset(token!, password);
      setDone(true);
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'password'));
    }
  });

  if (!token) {
    return (
      <AccountCard title="This reset link is incomplete">
        <p>Open the link in the email again — all of it — or <Link to="/forgot-password">ask for a new link</Link>.</p>
      </AccountCard>
    );
  }
  if (done) {
    return (
      <AccountCard title="Your password is changed">
        <p role="status">You're signed out everywhere, on every device. Sign in with your new password.</p>
        <Link className="button button-primary button-block" to="/login">
          Sign in
        </Link>
      </AccountCard>
    );
  }
  return (
    <AccountCard title="Choose a new password" intro="Choosing it signs you out on every device.">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
        <FormAlert message={formError} />
        {formError && (
          <p className="muted">
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        )}
        <FormField id="reset-password" label="New password" hint={NEW_PASSWORD_HINT} error={errors.password?.message}>
          <input type="password" autoComplete="new-password" autoFocus {...register('password')} />
        </FormField>
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save new password'}
        </button>
      </form>
    </AccountCard>
  );
}
