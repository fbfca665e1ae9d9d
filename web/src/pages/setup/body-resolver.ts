import { set, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A resolver for a form whose values are not the request body as is (dollars for cents, a blank
 * logo for none): the form's values turned into the body, checked by the API's own schema, each
 * message put on the form field it is about (`fieldOf` maps an API field to the form's name).
 * The values handed to submit stay the form's; the page turns them into the body again.
 */
export function bodyResolver<Values extends FieldValues>(schema: z.ZodType, toBody: (values: Values) => unknown, fieldOf: (apiField: string) => string | null, rootField: string): Resolver<Values> {
  return async (values) => {
    const result = schema.safeParse(toBody(values));
    if (result.success) return { values, errors: {} };
    const errors: FieldErrors<Values> = {};
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path.join('.')) ?? `${rootField}.root`;
      set(errors, field, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors };
  };
}
