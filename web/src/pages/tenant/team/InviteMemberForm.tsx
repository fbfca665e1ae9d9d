import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { inviteMemberInput, type InviteMemberInput } from '../../../../../domain/inputs/members.ts';
import { inviteMember } from '../../../api/account-endpoints.ts';
import { FormField } from '../../../components/FormField.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';

/** "Invite someone": an email and a role; the person gets a link that works once. */
export function InviteMemberForm({ tenantId, onInvited }: { tenantId: string; onInvited: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<InviteMemberInput>({
    resolver: apiSchemaResolver<InviteMemberInput, typeof inviteMemberInput>(inviteMemberInput),
    defaultValues: { email: '', role: 'staff' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async ({ email, role }) => {
    setFormError(null);
    try {
      const invite = await inviteMember(tenantId, email, role);
      reset({ email: '', role });
      if (invite.mailQueued === false) toast.warning(`${invite.email} is invited, but the email could not be sent yet. Press Resend in a minute.`);
      else toast.success(`Invite sent to ${invite.email}.`);
      onInvited();
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'email' || name === 'role'));
    }
  });

  return (
    <form className="settings-card form team-invite" onSubmit={onSubmit} noValidate aria-busy={isSubmitting} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p className="muted">They get an email with a link to set their password. Staff can see calls, voicemail and texts and do the work; owners can also change settings, billing and the team.</p>
      {formError && (
        <div className="form-alert" role="alert">
          {formError}
        </div>
      )}
      <div className="team-invite-fields">
        <FormField id="invite-email" label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="off" inputMode="email" placeholder="name@example.com" {...register('email')} />
        </FormField>
        <FormField id="invite-role" label="Role" error={errors.role?.message}>
          <select {...register('role')}>
            <option value="staff">Staff</option>
            <option value="owner">Owner</option>
          </select>
        </FormField>
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : 'Send invite'}
        </button>
      </div>
    </form>
  );
}
