import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { Prisma } from '../prisma/client.ts';
import type { AppEnv } from './context.ts';

/** An error the client can act on: a status, a stable code, a message for people, field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Field messages from a zod error: `{ businessName: 'Business name is required' }`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationFailed(error: z.ZodError): ApiError {
  const fields = fieldErrors(error);
  return new ApiError(400, 'validation_failed', `Please check: ${Object.keys(fields).join(', ')}`, fields);
}

/** The one place errors become JSON. Unknown errors are logged and answered without internals. */
export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.fields), error.status);
  if (error instanceof z.ZodError) {
    const failed = validationFailed(error);
    return c.json(errorBody(failed.code, failed.message, failed.fields), 400);
  }
  if (error instanceof HTTPException) {
    if (error.status === 400) return c.json(errorBody('bad_request', error.message || 'The request body could not be read.'), 400);
    return c.json(errorBody('http_error', error.message), error.status);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return c.json(errorBody('conflict', 'That already exists.'), 409);
  }
  c.get('logger')?.error({ err: error, path: c.req.path }, 'unhandled error');
  return c.json(errorBody('internal_error', 'Something went wrong on our side. Please try again; if it keeps happening, contact support.'), 500);
}
