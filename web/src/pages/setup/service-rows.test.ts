import { describe, expect, it } from 'vitest';
import { formFieldOf, serviceRowsResolver, toBody, toRows } from './service-rows.ts';

const resolve = (services: { name: string; durationMinutes: number; price: string }[]) => serviceRowsResolver({ services }, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('services step rows', () => {
  it('shows cents as dollars and sends dollars as cents', () => {
    expect(toRows([{ name: 'Mow', durationMinutes: 45, priceCents: 4500 }, { name: 'Edge', durationMinutes: 30, priceCents: 1950 }]).map((row) => row.price)).toEqual(['45', '19.50']);
    expect(toBody({ services: [{ name: 'Mow', durationMinutes: 45, price: '$1,049.5' }] }).services[0]!.priceCents).toBe(104_950);
  });

  it('puts the API schema’s messages under the dollar field, and says how to write a price', async () => {
    const { errors } = await resolve([{ name: 'Mow', durationMinutes: 45, price: 'forty' }, { name: 'X', durationMinutes: 5, price: '10' }]);
    expect(errors.services?.[0]?.price?.message).toBe('Enter a price in dollars, like 79 or 149.50');
    expect(errors.services?.[1]?.name?.message).toMatch(/at least 3/);
    expect(errors.services?.[1]?.durationMinutes?.message).toMatch(/at least 15/);
  });

  it('passes rows the API takes, and names the API’s fields as the form does', async () => {
    expect((await resolve([{ name: 'Lawn mowing', durationMinutes: 45, price: '45' }])).errors).toEqual({});
    expect(formFieldOf('services.2.priceCents')).toBe('services.2.price');
    expect(formFieldOf('services.0.name')).toBe('services.0.name');
    expect(formFieldOf('tier')).toBeNull();
  });
});
