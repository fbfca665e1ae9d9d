import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { customerSearchQuery } from '../../api/booking-queries.ts';
import type { CustomerMatch } from '../../api/booking-types.ts';
import { formatPhone } from '../../lib/format.ts';
import { FormField } from '../FormField.tsx';

export type CustomerChoice = { kind: 'existing'; customer: CustomerMatch } | { kind: 'new'; name: string; phone: string; email: string };

/** Find a customer by name or number, or type a new one in. */
export function CustomerPicker({ tenantId, value, errors, onChange }: { tenantId: string; value: CustomerChoice; errors: Record<string, string>; onChange: (next: CustomerChoice) => void }) {
  const [q, setQ] = useState('');
  const matches = useQuery(customerSearchQuery(tenantId, q));
  if (value.kind === 'existing') {
    return (
      <div className="form-field">
        <span className="field-label">Customer</span>
        <p className="picked-customer">
          <strong>{value.customer.name}</strong> {value.customer.phone && <span className="muted">{formatPhone(value.customer.phone)}</span>}{' '}
          <button type="button" className="link-button as-button" onClick={() => onChange({ kind: 'new', name: '', phone: '', email: '' })}>
            Change
          </button>
        </p>
      </div>
    );
  }
  return (
    <fieldset className="customer-picker">
      <legend>Customer</legend>
      <FormField id="customer-search" label="Find a customer" optional hint="A name or a phone number">
        <input type="search" value={q} onChange={(event) => setQ(event.target.value)} autoComplete="off" />
      </FormField>
      {matches.data && matches.data.length > 0 && (
        <ul className="customer-matches" aria-label="Matching customers">
          {matches.data.slice(0, 6).map((customer) => (
            <li key={customer.id}>
              <button type="button" className="button button-ghost" onClick={() => onChange({ kind: 'existing', customer })}>
                {customer.name} {customer.phone && <span className="muted">{formatPhone(customer.phone)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {matches.data?.length === 0 && <p className="muted small-text">No one by that name or number yet: enter them below.</p>}
      <FormField id="customer-name" label="Name" error={errors['customer.name'] ?? errors.name}>
        <input value={value.name} autoComplete="off" onChange={(event) => onChange({ ...value, name: event.target.value })} />
      </FormField>
      <FormField id="customer-phone" label="Mobile number" error={errors['customer.phone'] ?? errors.phone}>
        <input type="tel" value={value.phone} autoComplete="off" onChange={(event) => onChange({ ...value, phone: event.target.value })} />
      </FormField>
      <FormField id="customer-email" label="Email" optional error={errors['customer.email'] ?? errors.email}>
        <input type="email" value={value.email} autoComplete="off" onChange={(event) => onChange({ ...value, email: event.target.value })} />
      </FormField>
    </fieldset>
  );
}
