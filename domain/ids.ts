import { z } from 'zod';

// Postgres' uuid type accepts any 8-4-4-4-12 hex string (what zod calls a GUID; `z.uuid()` would
// also demand RFC 9562's version and variant bits, which a stored id need not have). Anything else
// makes a query fail, so ids from outside (paths, cursors, token claims) are checked with this
// before they reach one.
const storedUuid = z.guid();

export const isUuid = (value: unknown): value is string => storedUuid.safeParse(value).success;
