import { z } from 'zod';
import { emailAddress } from './email.ts';
import { blankToNull, phoneNumberInput } from './phone-number.ts';

// What people send to book or change a booking (the public booking API, the owner's calendar).
// Times are ISO 8601 instants with an offset, as the availability API hands them out.

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time like 2027-03-14T09:00:00-05:00` }).transform((value) => new Date(value));
const optionalText = (label: string, max: number) =>
  z.preprocess(blankToNull, z.string({ error: `${label} must be text` }).trim().max(max, `${label} must be ${max} characters or fewer`).nullable()).default(null);
const person = {
  name: z.string({ error: 'Please give the customer’s name' }).trim().min(1, 'Please give the customer’s name').max(80, 'The name must be 80 characters or fewer'),
  phone: phoneNumberInput('Phone number'),
  email: z.preprocess(blankToNull, emailAddress.nullable()).default(null),
};

export const publicBookingInput = z.strictObject({
  serviceId: z.uuid({ error: 'Choose a service from the list' }),
  start: instant('start'),
  ...person,
});

export const ownerBookingInput = z.strictObject({
  serviceId: z.uuid({ error: 'Choose a service from the list' }),
  start: instant('start'),
  resourceId: z.preprocess(blankToNull, z.uuid({ error: 'Choose someone from the list' }).nullable()).default(null),
  customer: z.union([z.strictObject({ id: z.uuid({ error: 'Choose a customer from the list' }) }), z.strictObject(person)], { error: 'Choose a customer, or give a new one’s name and phone number' }),
  notes: optionalText('Notes', 1_000),
  address: optionalText('Address', 200),
});

export const bookingChangeInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('reschedule'), start: instant('start'), resourceId: z.preprocess(blankToNull, z.uuid().nullable()).default(null) }),
  z.strictObject({ action: z.literal('cancel'), reason: optionalText('Reason', 300) }),
  z.strictObject({ action: z.enum(['confirm', 'complete', 'no_show']) }),
], { error: 'action must be one of reschedule, cancel, confirm, complete, no_show' });

export const bookingListQuery = z.object({
  from: z.iso.datetime({ offset: true, error: 'from must be a date and time with an offset' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'to must be a date and time with an offset' }).optional(),
  resourceId: z.uuid({ error: 'resourceId must be a resource id' }).optional(),
  customerId: z.uuid({ error: 'customerId must be a customer id' }).optional(),
  status: z.enum(['held', 'confirmed', 'completed', 'cancelled', 'expired', 'no_show'], { error: 'status is not a booking status' }).optional(),
  limit: z.coerce.number().int().min(1).max(500, 'limit is at most 500').default(200),
});
