import { z } from 'zod';
import { dayNumber } from '../booking/availability.ts';

// The availability query string (public and tenant routes): which service, from which local date,
// for how many days, and on the tenant side optionally one resource.

/** The public page shows up to two weeks at a time; the owner's calendar up to six (a month view). */
export const PUBLIC_MAX_DAYS = 14;
export const TENANT_MAX_DAYS = 42;

const uuid = (what: string) => z.uuid({ error: `${what} must be an id from the list` });
const date = z
  .string({ error: 'date is required, as YYYY-MM-DD' })
  .refine((value) => dayNumber(value) !== null, { error: 'date must be a real date written YYYY-MM-DD, like 2027-03-14' });
const days = (max: number) =>
  z.coerce
    .number({ error: `days must be a whole number from 1 to ${max}` })
    .int({ error: `days must be a whole number from 1 to ${max}` })
    .min(1, `days must be a whole number from 1 to ${max}`)
    .max(max, `days must be a whole number from 1 to ${max}`)
    .default(1);

export const publicAvailabilityQuery = z.object({ serviceId: uuid('serviceId'), date, days: days(PUBLIC_MAX_DAYS) });
export const tenantAvailabilityQuery = z.object({ serviceId: uuid('serviceId'), date, days: days(TENANT_MAX_DAYS), resourceId: uuid('resourceId').optional() });
