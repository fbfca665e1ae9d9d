import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { customerCreateInput } from '../../../../../domain/inputs/customer.ts';
import { createCustomer } from '../../../api/customer-endpoints.ts';
import type { Customer, CustomerCreateInput } from '../../../api/types.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { FormField } from '../../../components/FormField.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';
import { CONTACT_FIELDS, type ContactFormValues } from './contact-form.ts';

const isField = (name: string) => (CONTACT_FIELDS as readonly string[]).includes(name);

/**
 * "Add customer": a name and, if they have them, a number, an email, an address and notes — checked
 * by the API's rules as typed; a number someone else already has is refused, naming them.
 */
export function AddCustomerDialog({ tenantId, initialName, onClose, onAdded }: { tenantId: string; initialName?: string; onClose: () => void; onAdded: (customer: Customer) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ContactFormValues, unknown, CustomerCreateInput>({
    resolver: apiSchemaResolver<ContactFormValues, typeof customerCreateInput>(customerCreateInput),
    defaultValues: { name: initialName ?? '', phone: '', email: '', address: '', notes: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (checked) => {
    setFormError(null);
    try {
      onAdded(await createCustomer(tenantId, checked));
    } catch (error) {
      setFormError(showApiError(error, setError, isField));
    }
  });

  return (
    <Dialog title="Add customer" description="Their calls, texts and bookings gather on their page from now on." onDismiss={onClose} busy={isSubmitting}>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isSubmitting}>
        <FormAlert message={formError} />
        <FormField id="new-customer-name" label="Name" error={errors.name?.message}>
          <input autoComplete="off" {...register('name')} />
        </FormField>
        <FormField id="new-customer-phone" label="Phone" optional error={errors.phone?.message} hint="The number they call or text from">
          <input type="tel" autoComplete="off" inputMode="tel" placeholder="(918) 555-0123" {...register('phone')} />
        </FormField>
        <FormField id="new-customer-email" label="Email" optional error={errors.email?.message}>
          <input type="email" autoComplete="off" inputMode="email" {...register('email')} />
        </FormField>
        <FormField id="new-customer-address" label="Address" optional error={errors.address?.message}>
          <input autoComplete="off" {...register('address')} />
        </FormField>
        <FormField id="new-customer-notes" label="Notes" optional error={errors.notes?.message}>
          <textarea rows={3} {...register('notes')} />
        </FormField>
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Adding…' : 'Add customer'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
