import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { login } from '../api/endpoints.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { FormField } from '../components/FormField.tsx';
import { ShieldIcon } from '../components/ShieldIcon.tsx';
import { showApiError } from '../lib/api-form-errors.ts';

interface LoginValues {
  email: string;
  password: string;
}

// Only "is anything typed?": whether the account exists and the password fits is the API's to say.
const filledIn = (message: string) => ({ validate: (value: string) => value.trim() !== '' || message });

/** `/login`. Signing in hands the session to the app; the router then opens the page asked for. */
export function LoginPage() {
  const { state, signIn } = useAuth();
  const notice = state.status === 'signed-out' ? state.reason : undefined;
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<LoginValues>({ defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    try {
      signIn(await login(email.trim(), password));
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'email' || name === 'password'));
    }
  });

  return (
    <main className="login-page" id="main" tabIndex={-1}>
      <div className="login-card">
        <div className="login-brand">
          <ShieldIcon size={32} />
          <span>ServicePro</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">Run your service business from one place.</p>

        {notice && !formError && (
          <div className="form-notice" role="status">
            {notice}
          </div>
        )}
        {formError && (
          <div className="form-alert" role="alert">
            {formError}
          </div>
        )}

        <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
          <FormField id="login-email" label="Email" error={errors.email?.message}>
            <input type="email" autoComplete="username" inputMode="email" autoFocus {...register('email', filledIn('Enter your email address.'))} />
          </FormField>
          <FormField id="login-password" label="Password" error={errors.password?.message}>
            <input type="password" autoComplete="current-password" {...register('password', { validate: (value) => value !== '' || 'Enter your password.' })} />
          </FormField>
          <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="muted">
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
          <p className="muted">
            New to ServicePro? <Link to="/signup">Start your free trial</Link>
          </p>
        </form>
      </div>
    </main>
  );
}
