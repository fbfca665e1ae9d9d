import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from '../api/client.ts';

/**
 * Puts an API failure on a form: each field message under its field (the API names fields the
 * way the form does, since both use the same schemas), the rest as one message for above it.
 * Returns that form-level message, or null when every message found its field.
 */
export function showApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, isField: (name: string) => boolean): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const others: string[] = [];
  let placed = 0;
  for (const [name, message] of Object.entries(error.fields)) {
    if (isField(name)) {
      setError(name as Path<T>, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      others.push(message);
    }
  }
  if (placed === 0) return error.message;
  return others.length > 0 ? others.join(' ') : null;
}
