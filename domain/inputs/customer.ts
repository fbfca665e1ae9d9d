import { z } from 'zod';
import { emailAddress } from './email.ts';
import { blankToNull, phoneNumberInput } from './phone-number.ts';

// A customer and their assets as the customer book's forms and the API take them. The phone
// number comes out in E.164 (the one phone rule, phone-number.ts), so "(918) 555-0142" and
// "+19185550142" are the same customer.

const name = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is at most 120 characters');
/** Optional text: absent leaves it as it is, blank or null clears it. */
const optionalText = (label: string, max: number) =>
  z.preprocess(blankToNull, z.string({ error: `${label} must be text` }).trim().max(max, `${label} is at most ${max} characters`).nullable()).optional();
const phone = z.preprocess(blankToNull, phoneNumberInput('Phone').nullable()).optional();
const email = z.preprocess(blankToNull, emailAddress.nullable()).optional();

const contact = {
  phone,
  email,
  address: optionalText('Address', 300),
  notes: optionalText('Notes', 5000),
};

export const customerCreateInput = z.strictObject({ name, ...contact });
export const customerUpdateInput = z.strictObject({ name: name.optional(), ...contact });

/** The book's search, as the list's query string and the web page's URL take it (search-terms.ts reads it). */
export const customerSearch = z.string({ error: 'Search must be text' }).max(200, 'Search is at most 200 characters');

export type CustomerCreateInput = z.infer<typeof customerCreateInput>;
export type CustomerUpdateInput = z.infer<typeof customerUpdateInput>;

/** A vehicle, pet, lawn or house: what it is ("2019 Honda Civic, silver", "Biscuit, golden retriever") and notes. */
export const assetCreateInput = z.strictObject({
  description: z.string({ error: 'Description is required' }).trim().min(1, 'Description is required').max(120, 'Description is at most 120 characters'),
  notes: optionalText('Notes', 1000),
});
export const assetUpdateInput = assetCreateInput.partial();

export type AssetInput = z.infer<typeof assetUpdateInput>;
