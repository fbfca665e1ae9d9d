// The contact card's form: the saved customer as text boxes, and back as the PATCH of what changed.
import type { Customer, CustomerCreateInput, CustomerUpdateInput } from '../../../api/types.ts';
import { formatPhone } from '../../../lib/format.ts';

export interface ContactFormValues {
  name: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
}

export const CONTACT_FIELDS = ['name', 'phone', 'email', 'address', 'notes'] as const satisfies readonly (keyof ContactFormValues)[];

export const contactFormValues = (customer: Customer): ContactFormValues => ({
  name: customer.name,
  phone: customer.phone ? formatPhone(customer.phone) : '',
  email: customer.email ?? '',
  address: customer.address ?? '',
  notes: customer.notes ?? '',
});

/**
 * Only the fields that differ from what is saved, checked by the API's own rules (so a number typed
 * another way, "918.555.0142", is the same number and not a change). Blank clears, as null.
 */
export function contactChanges(checked: CustomerCreateInput, saved: Customer): CustomerUpdateInput {
  const changes: CustomerUpdateInput = {};
  if (checked.name !== saved.name) changes.name = checked.name;
  for (const field of ['phone', 'email', 'address', 'notes'] as const) {
    const value = checked[field] ?? null;
    if (value !== (saved[field] ?? null)) changes[field] = value;
  }
  return changes;
}
