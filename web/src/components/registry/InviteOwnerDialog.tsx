import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { ownerInviteInput, type OwnerInviteInput } from '../../../../domain/inputs/members.ts';
import { inviteOwner } from '../../api/account-endpoints.ts';
import type { Tenant } from '../../api/types.ts';
import { showApiError } from '../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../lib/form-resolver.ts';
import { Dialog } from '../Dialog.tsx';
import { FormField } from '../FormField.tsx';

/** The registry's "Invite owner": someone who will run this business gets an emailed invite. */
export function InviteOwnerDialog({ tenant, onDismiss }: { tenant: Tenant; onDismiss: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<OwnerInviteInput>({ resolver: apiSchemaResolver<OwnerInviteInput, typeof ownerInviteInput>(ownerInviteInput), defaultValues: { email: '' } });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async ({ email }) => {
    setFormError(null);
    try {
      const invite = await inviteOwner(tenant.id, email);
      toast.success(invite.mailQueued === false ? `${invite.email} is invited; the email could not be sent yet — the owner can resend it from Team.` : `Invite sent to ${invite.email}.`);
      onDismiss();
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'email'));
    }
  });

  return (
    <Dialog title="Invite an owner" description={<>They get an email with a link to set their password and run <strong>{tenant.businessName}</strong>.</>} onDismiss={onDismiss} busy={isSubmitting}>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
        {formError && (
          <div className="form-alert" role="alert">
            {formError}
          </div>
        )}
        <FormField id="owner-invite-email" label="Owner's email" error={errors.email?.message}>
          <input type="email" autoComplete="off" inputMode="email" placeholder="owner@example.com" {...register('email')} />
        </FormField>
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onDismiss} disabled={isSubmitting}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Sending…' : 'Send invite'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
