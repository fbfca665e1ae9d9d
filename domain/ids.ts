// Postgres' uuid type accepts any 8-4-4-4-12 hex string; anything else makes a query fail, so
// ids from outside (paths, cursors, token claims) are checked with this before they reach one.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
