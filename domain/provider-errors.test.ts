import { describe, expect, it } from 'vitest';
import { isPermanentRejection, RETRYABLE_CLIENT_ERRORS } from './provider-errors.ts';

describe('isPermanentRejection (Twilio, Stripe: one rule)', () => {
  it.each([
    [400, true],
    [401, true],
    [403, true],
    [404, true],
    [422, true],
    [408, false], // the provider stopped waiting: nothing wrong with the request
    [409, false], // Stripe: the same idempotency key is still in flight
    [429, false], // rate limited
    [500, false],
    [503, false],
    [302, false],
    [undefined, false], // no answer at all (network)
  ])('%s → %s', (status, permanent) => {
    expect(isPermanentRejection(status)).toBe(permanent);
  });

  it('names its exceptions in one list', () => {
    expect(RETRYABLE_CLIENT_ERRORS).toEqual([408, 409, 429]);
  });
});
