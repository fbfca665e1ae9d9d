import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';
import { accountOf, clientAddress } from './login-throttle.ts';

// Budgets for the account routes that need no sign-in, in the manner of login-throttle.ts (same
// idea of a client's address; counters in this process's memory).

export interface AccountLimits {
  /** Password-reset mails asked for one email (every request counts: each may send a mail). */
  resetRequestsPerAccount: number;
  /** Password-reset requests from one address, across emails. */
  resetRequestsPerAddress: number;
  /** Refused link tokens (invite accept and preview, reset confirm) from one address. */
  tokenFailuresPerAddress: number;
  /** Signups from one address (each creates an account and a business; an email that has one counts too). */
  signupsPerAddress: number;
  windowMs: number;
}

export const DEFAULT_ACCOUNT_LIMITS: AccountLimits = { resetRequestsPerAccount: 5, resetRequestsPerAddress: 30, tokenFailuresPerAddress: 20, signupsPerAddress: 10, windowMs: 15 * 60_000 };

const minutes = (limits: AccountLimits) => Math.ceil(limits.windowMs / 60_000);

function limiter(limits: AccountLimits, limit: number, message: string, options: { key: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => Promise<string> | string; counts: (status: number) => boolean }) {
  return rateLimiter<AppEnv>({
    windowMs: limits.windowMs,
    limit,
    standardHeaders: false,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (c) => !options.counts(c.res.status),
    keyGenerator: options.key,
    handler: (c) => {
      c.header('retry-after', String(Math.ceil(limits.windowMs / 1000)));
      return c.json(errorBody('rate_limited', `${message} Wait ${minutes(limits)} minutes, then try again.`), 429);
    },
  });
}

const address = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => clientAddress(c, c.get('deps').config.TRUST_PROXY_HOPS);

/** Reset requests: per email and per address. A malformed request (400) is given back. */
export function throttleResetRequests(limits: AccountLimits): MiddlewareHandler<AppEnv>[] {
  const message = 'Too many password-reset requests.';
  const counts = (status: number) => status === 202;
  return [
    limiter(limits, limits.resetRequestsPerAccount, message, { key: async (c) => `reset|${await accountOf(c)}`, counts }),
    limiter(limits, limits.resetRequestsPerAddress, message, { key: (c) => `reset-from|${address(c)}`, counts }),
  ];
}

/** Link-token attempts: every refused one (4xx other than 429) counts against the address. */
export function throttleTokenAttempts(limits: AccountLimits): MiddlewareHandler<AppEnv> {
  return limiter(limits, limits.tokenFailuresPerAddress, 'Too many attempts with invite or reset links.', {
    key: (c) => `token-from|${address(c)}`,
    counts: (status) => status >= 400 && status < 500 && status !== 429,
  });
}

/** Signups: every one that created a business or named an email that has an account counts against the address. */
export function throttleSignups(limits: AccountLimits): MiddlewareHandler<AppEnv>[] {
  return [limiter(limits, limits.signupsPerAddress, 'Too many signups from this network.', { key: (c) => `signup-from|${address(c)}`, counts: (status) => status === 201 || status === 409 })];
}
