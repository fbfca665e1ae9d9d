import { describe, expect, it } from 'vitest';
import { customerCreateInput } from '../../../../../domain/inputs/customer.ts';
import type { Customer } from '../../../api/types.ts';
import { contactChanges, contactFormValues } from './contact-form.ts';

const saved: Customer = {
  id: 'c1', name: 'Ana Lopez', phone: '+19185550142', email: 'ana@example.com', address: null, notes: 'Gate code 4412',
  createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z', lastContactAt: null,
};
const check = (values: ReturnType<typeof contactFormValues>) => customerCreateInput.parse(values);

describe('contact form', () => {
  it('shows the saved number formatted and empty fields as blanks', () => {
    expect(contactFormValues(saved)).toEqual({ name: 'Ana Lopez', phone: '+1 (918) 555-0142', email: 'ana@example.com', address: '', notes: 'Gate code 4412' });
  });

  it('sends nothing when nothing changed, though the number is shown another way', () => {
    expect(contactChanges(check(contactFormValues(saved)), saved)).toEqual({});
    expect(contactChanges(check({ ...contactFormValues(saved), phone: '918.555.0142', email: 'ANA@example.com' }), saved)).toEqual({});
  });

  it('sends each change, and a field emptied as null', () => {
    const values = { ...contactFormValues(saved), name: 'Ana López', address: '12 Elm St', notes: '  ', phone: '(918) 555-0177' };
    expect(contactChanges(check(values), saved)).toEqual({ name: 'Ana López', address: '12 Elm St', notes: null, phone: '+19185550177' });
  });
});
