import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { newAccountForm, type NewAccountForm } from '../../../../domain/inputs/accounts.ts';
import { acceptInvite, previewInvite } from '../../api/account-endpoints.ts';
import { errorMessage } from '../../api/client.ts';
import type { AcceptedInvite, InvitePreview } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { FormField } from '../../components/FormField.tsx';
import { showApiError } from '../../lib/api-form-errors.ts';
import { NEW_PASSWORD_HINT } from '../../lib/password-hint.ts';
import { apiSchemaResolver } from '../../lib/form-resolver.ts';
import { linkToken } from '../../lib/link-token.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { AccountCard } from './AccountCard.tsx';

const roleWords = (role: InvitePreview['role']) => (role === 'owner' ? 'an owner' : 'a team member');

/** `/invite#token=…`: the invite email's link. Someone new picks a name and password; someone with an account confirms with theirs. */
export function AcceptInvitePage() {
  const token = linkToken(useLocation({ select: (location) => location.hash }));
  const preview = useQuery({ queryKey: ['invite', token], queryFn: () => previewInvite(token!), enabled: token !== null, retry: false, staleTime: Infinity });
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const joined = (answer: AcceptedInvite) => {
    signIn(answer);
    void navigate({ href: `/t/${encodeURIComponent(answer.tenantId)}`, replace: true });
  };

  if (!token) {
    return (
      <AccountCard title="This invite link is incomplete">
        <p>Open the link in the invite email again — all of it. If it still doesn't work, ask the business owner to send a new invite.</p>
      </AccountCard>
    );
  }
  if (preview.isPending) {
    return (
      <AccountCard title="Your invite">
        <p role="status">Checking your invite…</p>
      </AccountCard>
    );
  }
  if (preview.isError) {
    return (
      <AccountCard title="This invite can't be used">
        <FormAlert message={errorMessage(preview.error)} />
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </AccountCard>
    );
  }
  const invite = preview.data;
  return (
    <AccountCard title={`Join ${invite.businessName}`} intro={<>You're invited as {roleWords(invite.role)}, as <strong>{invite.email}</strong>.</>}>
      {invite.hasAccount ? <ExistingAccountForm token={token} invite={invite} onJoined={joined} /> : <NewAccountFormView token={token} onJoined={joined} />}
    </AccountCard>
  );
}

function NewAccountFormView({ token, onJoined }: { token: string; onJoined: (answer: AcceptedInvite) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<NewAccountForm>({ resolver: apiSchemaResolver<NewAccountForm, typeof newAccountForm>(newAccountForm), defaultValues: { name: '', password: '' } });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onJoined(await acceptInvite({ token, name: values.name, password: values.password }));
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'name' || name === 'password'));
    }
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
      <FormAlert message={formError} />
      <FormField id="invite-name" label="Your name" error={errors.name?.message}>
        <input type="text" autoComplete="name" autoFocus {...register('name')} />
      </FormField>
      <FormField id="invite-password" label="Choose a password" hint={NEW_PASSWORD_HINT} error={errors.password?.message}>
        <input type="password" autoComplete="new-password" {...register('password')} />
      </FormField>
      <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
        {isSubmitting ? 'Joining…' : 'Join and sign in'}
      </button>
    </form>
  );
}

function ExistingAccountForm({ token, invite, onJoined }: { token: string; invite: InvitePreview; onJoined: (answer: AcceptedInvite) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      onJoined(await acceptInvite({ token, password }));
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'password'));
    }
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
      <p>You already have a ServicePro account. Enter its password to add {invite.businessName} to it.</p>
      <FormAlert message={formError} />
      <FormField id="invite-current-password" label="Your password" error={errors.password?.message}>
        <input type="password" autoComplete="current-password" autoFocus {...register('password', { validate: (value) => value !== '' || 'Enter your password.' })} />
      </FormField>
      <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
        {isSubmitting ? 'Joining…' : `Join ${invite.businessName}`}
      </button>
      <p className="muted">
        Forgot it? <Link to="/forgot-password">Reset your password</Link>, then open this invite again.
      </p>
    </form>
  );
}
