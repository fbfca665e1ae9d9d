import { set, type Resolver } from 'react-hook-form';
import { bodyResolver } from './body-resolver.ts';
import { onboardingStepInputs } from '../../../../domain/inputs/onboarding.ts';
import { centsToDollars, dollarsToCents } from '../../lib/money.ts';

// The services step's form holds prices in dollars, as people type them ("79", "149.50"); the API
// takes cents. One conversion each way, and the API's own schema checks the converted values, its
// messages shown under the dollar fields.

export interface ServiceRow {
  name: string;
  durationMinutes: number;
  /** Dollars, as typed. */
  price: string;
}
export interface ServiceRows {
  services: ServiceRow[];
}

const toCents = dollarsToCents;
const toDollars = centsToDollars;

export const toBody = ({ services }: ServiceRows) => ({ services: services.map(({ name, durationMinutes, price }) => ({ name, durationMinutes, priceCents: toCents(price) })) });

export const toRows = (services: { name: string; durationMinutes: number; priceCents: number }[]): ServiceRow[] =>
  services.map(({ name, durationMinutes, priceCents }) => ({ name, durationMinutes, price: toDollars(priceCents) }));

/** The API field a message is about, named as the form names it: services.2.priceCents → services.2.price. */
export const formFieldOf = (apiField: string) => (apiField.startsWith('services') ? apiField.replace(/\.priceCents$/, '.price') : null);

const checkedByApiSchema = bodyResolver<ServiceRows>(onboardingStepInputs.services, toBody, formFieldOf, 'services');
const PRICE_HINT = 'Enter a price in dollars, like 79 or 149.50';

/** Checks the rows as the API will (prices converted to cents, messages under the dollar fields); a price that is no number of dollars says how to write one. */
export const serviceRowsResolver: Resolver<ServiceRows> = async (values, context, options) => {
  const result = await checkedByApiSchema(values, context, options);
  values.services.forEach(({ price }, index) => {
    if (Number.isNaN(toCents(price))) set(result.errors, `services.${index}.price`, { type: 'format', message: PRICE_HINT });
  });
  return Object.keys(result.errors).length ? { values: {}, errors: result.errors } : result;
};
