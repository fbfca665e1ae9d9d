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
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationFailed(error: z.core.$ZodError): ApiError {
  const fields = fieldErrors(error);
  const names = Object.keys(fields);
  // A body of the wrong kind altogether (null, a list, a string) has one message for the whole.
  const message = names.length === 1 && names[0] === '_' ? fields._! : `Please check: ${names.join(', ')}`;
  return new ApiError(400, 'validation_failed', message, fields);
}

/** The Postgres SQLSTATE behind a Prisma error, when there is one. */
function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

/**
 * SQLSTATE class 22, "data exception": the value itself is unacceptable (a NUL byte in text or
 * JSON, a malformed uuid, a number out of range). That is the client's input, not our fault —
 * every such value reached the database from a request, so it is a 400, not a 500.
 */
const isBadValueForDatabase = (error: unknown) => sqlStateOf(error)?.startsWith('22') ?? false;

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
  if (isBadValueForDatabase(error)) {
    c.get('logger')?.warn({ path: c.req.path, sqlState: sqlStateOf(error) }, 'request with a value the database refused');
    return c.json(errorBody('invalid_input', 'The request contains a value that cannot be stored or looked up (for example a NUL character, or an id in the wrong format). Remove it and try again.'), 400);
  }
  c.get('logger')?.error({ err: error, path: c.req.path }, 'unhandled error');
  return c.json(errorBody('internal_error', 'Something went wrong on our side. Please try again; if it keeps happening, contact support.'), 500);
}
