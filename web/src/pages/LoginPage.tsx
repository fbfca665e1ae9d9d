import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { login } from '../api/endpoints.ts';
import type { LoginResponse } from '../api/types.ts';
import { FormField } from '../components/FormField.tsx';
import { ShieldIcon } from '../components/ShieldIcon.tsx';

interface LoginPageProps {
  notice?: string;
  onSignedIn: (response: LoginResponse) => void;
}

type LoginErrors = Partial<Record<'email' | 'password', string>>;

export function LoginPage({ notice, onSignedIn }: LoginPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<LoginErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const errors: LoginErrors = {};
    if (!email.trim()) errors.email = 'Enter your email address.';
    if (!password) errors.password = 'Enter your password.';
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      document.getElementById(errors.email ? 'login-email' : 'login-password')?.focus();
      return;
    }

    setSubmitting(true);
    try {
      const response = await login(email.trim(), password);
      onSignedIn(response);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const next: LoginErrors = {};
        if (error.fields.email) next.email = error.fields.email;
        if (error.fields.password) next.password = error.fields.password;
        setFieldErrors(next);
        if (!next.email && !next.password) setFormError(error.message);
      } else {
        setFormError(errorMessage(error));
      }
    }
  }

  return (
    <main className="login-page">
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

        <form className="form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
          <FormField id="login-email" label="Email" error={fieldErrors.email}>
            <input
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </FormField>
          <FormField id="login-password" label="Password" error={fieldErrors.password}>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </FormField>
          <button type="submit" className="button button-primary button-block" disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
