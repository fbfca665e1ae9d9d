import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { passwordResetRequestInput, type PasswordResetRequest } from '../../../../domain/inputs/accounts.ts';
import { requestPasswordReset } from '../../api/account-endpoints.ts';
import { FormField } from '../../components/FormField.tsx';
import { showApiError } from '../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../lib/form-resolver.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { AccountCard } from './AccountCard.tsx';

/** `/forgot-password`: asks for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<PasswordResetRequest>({
    resolver: apiSchemaResolver<PasswordResetRequest, typeof passwordResetRequestInput>(passwordResetRequestInput),
    defaultValues: { email: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await requestPasswordReset(email);
      setSentTo(email);
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'email'));
    }
  });

  if (sentTo) {
    return (
      <AccountCard title="Check your email">
        <p role="status">
          If <strong>{sentTo}</strong> belongs to a ServicePro account, we've sent it a link to choose a new password. It works once, for an hour.
        </p>
        <p className="muted">Nothing after a few minutes? Check the spam folder, or make sure it's the address you sign in with.</p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </AccountCard>
    );
  }
  return (
    <AccountCard title="Forgot your password?" intro="Enter the email you sign in with and we'll send you a link to choose a new one.">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
        <FormAlert message={formError} />
        <FormField id="forgot-email" label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="username" inputMode="email" autoFocus {...register('email')} />
        </FormField>
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : 'Send me a link'}
        </button>
        <p className="muted">
          Remembered it? <Link to="/login">Sign in</Link>
        </p>
      </form>
    </AccountCard>
  );
}
