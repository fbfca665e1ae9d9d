import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * react-hook-form's zod resolver over one of the API's own schemas. Those schemas take `unknown`
 * (a request body can hold anything, and blanks are turned into null before the rules apply);
 * a form always hands them its own values, so the form states what its values are.
 */
export function apiSchemaResolver<Values extends FieldValues, Schema extends z.ZodType>(schema: Schema): Resolver<Values, unknown, z.output<Schema>> {
  return zodResolver(schema as never) as unknown as Resolver<Values, unknown, z.output<Schema>>;
}
