// When a provider (Twilio, Stripe) refuses a request, the activity either fails for good
// (non-retryable: the same request would be refused again, and retrying only repeats the harm) or
// leaves it to Temporal's retry. One rule for every provider call.

/**
 * 4xx answers that are not the request's fault, so a retry may succeed:
 * * 408 Request Timeout — the provider stopped waiting for us.
 * * 409 Conflict — Stripe: a request with the same idempotency key is still in flight (or an
 *   object is locked by another request); Twilio uses it the same way for concurrent updates.
 * * 429 Too Many Requests — rate limited; later is fine.
 */
export const RETRYABLE_CLIENT_ERRORS: readonly number[] = [408, 409, 429];

/** True when an HTTP `status` from a provider will be the same however often the request is retried. */
export function isPermanentRejection(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.includes(status);
}
