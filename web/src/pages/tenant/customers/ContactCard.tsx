import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { customerCreateInput } from '../../../../../domain/inputs/customer.ts';
import { updateCustomer } from '../../../api/customer-endpoints.ts';
import { customerKeys } from '../../../api/customer-queries.ts';
import type { Customer, CustomerCreateInput, CustomerPage } from '../../../api/types.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { FormField } from '../../../components/FormField.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';
import { CONTACT_FIELDS, contactChanges, contactFormValues, type ContactFormValues } from './contact-form.ts';

const isField = (name: string) => (CONTACT_FIELDS as readonly string[]).includes(name);

/** Name, number, email, address and notes, saved as one PATCH of what changed; read-only once the business is closed. */
export function ContactCard({ tenantId, customer, readOnly }: { tenantId: string; customer: Customer; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<ContactFormValues, unknown, CustomerCreateInput>({
    resolver: apiSchemaResolver<ContactFormValues, typeof customerCreateInput>(customerCreateInput),
    defaultValues: contactFormValues(customer),
  });
  const { register, formState } = form;
  const { errors, isSubmitting, isDirty } = formState;

  // The page refreshes itself: take what changed elsewhere, keeping what is being typed.
  useEffect(() => form.reset(contactFormValues(customer), { keepDirtyValues: true }), [customer, form]);

  const onSubmit = form.handleSubmit(async (checked) => {
    setFormError(null);
    const changes = contactChanges(checked, customer);
    if (Object.keys(changes).length === 0) return setNotice('Nothing to save: this is what is saved.');
    try {
      const saved = await updateCustomer(tenantId, customer.id, changes);
      queryClient.setQueryData<CustomerPage>(customerKeys.page(tenantId, customer.id), (page) => (page ? { ...page, customer: saved } : page));
      form.reset(contactFormValues(saved));
      setNotice('Saved.');
      // The list shows the name and number too; a new number can also bring history with it.
      void queryClient.invalidateQueries({ queryKey: customerKeys.all(tenantId) });
    } catch (error) {
      setNotice(null);
      setFormError(showApiError(error, form.setError, isField));
    }
  });

  return (
    <form className="settings-card customer-contact" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isSubmitting} aria-labelledby="contact-title">
      <h2 id="contact-title">Contact details</h2>
      <FormAlert message={formError} />
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <div className="customer-fields">
          <FormField id="customer-name" label="Name" error={errors.name?.message}>
            <input autoComplete="off" {...register('name')} />
          </FormField>
          <FormField id="customer-phone" label="Phone" optional error={errors.phone?.message}>
            <input type="tel" autoComplete="off" inputMode="tel" {...register('phone')} />
          </FormField>
          <FormField id="customer-email" label="Email" optional error={errors.email?.message}>
            <input type="email" autoComplete="off" inputMode="email" {...register('email')} />
          </FormField>
          <FormField id="customer-address" label="Address" optional error={errors.address?.message}>
            <input autoComplete="off" {...register('address')} />
          </FormField>
        </div>
        <FormField id="customer-notes" label="Notes" optional hint="Gate codes, preferences, anything the next person should know" error={errors.notes?.message}>
          <textarea rows={4} {...register('notes')} />
        </FormField>
      </fieldset>
      {!readOnly && (
        <div className="settings-actions">
          <p className="settings-status" role="status" aria-live="polite">
            {isDirty ? null : notice}
          </p>
          {isDirty && (
            <button type="button" className="button button-ghost" onClick={() => (form.reset(contactFormValues(customer)), setFormError(null))} disabled={isSubmitting}>
              Undo changes
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </form>
  );
}
