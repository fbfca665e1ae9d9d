import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signupInput, type SignupInput } from '../../../../domain/inputs/signup.ts';
import { signUp } from '../../api/onboarding-endpoints.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { FormField } from '../../components/FormField.tsx';
import { showApiError } from '../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../lib/form-resolver.ts';
import { NEW_PASSWORD_HINT } from '../../lib/password-hint.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { AccountCard } from '../account/AccountCard.tsx';

const FIELDS = new Set(['email', 'password', 'businessName']);

/** `/signup`: "Start your free trial". Creates the business and its owner, signs in and opens the setup wizard. */
export function SignupPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SignupInput>({
    resolver: apiSchemaResolver<SignupInput, typeof signupInput>(signupInput),
    defaultValues: { businessName: '', email: '', password: '' },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const answer = await signUp(values);
      signIn(answer);
      await navigate({ to: '/t/$tenantId/setup', params: { tenantId: answer.tenantId }, replace: true });
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => FIELDS.has(name)));
    }
  });

  return (
    <AccountCard title="Start your free trial" intro="14 days free, no card needed. Your business number, website and booking page in a few minutes.">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
        <FormAlert message={formError} />
        <FormField id="signup-business" label="Business name" error={errors.businessName?.message}>
          <input type="text" autoComplete="organization" autoFocus {...register('businessName')} />
        </FormField>
        <FormField id="signup-email" label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="email" inputMode="email" {...register('email')} />
        </FormField>
        <FormField id="signup-password" label="Choose a password" hint={NEW_PASSWORD_HINT} error={errors.password?.message}>
          <input type="password" autoComplete="new-password" {...register('password')} />
        </FormField>
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          {isSubmitting ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="muted">
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      </form>
    </AccountCard>
  );
}
