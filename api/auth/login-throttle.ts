import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

/** Failed sign-ins allowed per window, by what they have in common. */
export interface LoginLimits {
  /** One address guessing one account. */
  perAddressAndAccount: number;
  /** One account, from any number of addresses (a botnet guessing one owner's password). */
  perAccount: number;
  /** One address, across accounts (one password sprayed over many emails); roomy for an office behind one NAT. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddressAndAccount: 10, perAccount: 20, perAddress: 50, windowMs: 15 * 60_000 };

// Under app.request() (tests, in-process callers) there is no socket: every such request is one
// client. Never a header in its place — a client writes whatever it likes there.
const NO_SOCKET = 'in-process';

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? NO_SOCKET;
  } catch {
    return NO_SOCKET;
  }
}

/**
 * The address a request comes from: the socket's peer, or, behind `trustProxyHops` reverse
 * proxies, the X-Forwarded-For entry that many from the right — the one our outermost trusted
 * proxy appended. Entries further left were written by the client and prove nothing.
 */
export function clientAddress(c: Context, trustProxyHops: number): string {
  const peer = peerAddress(c);
  if (trustProxyHops <= 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const nearestFirst = [peer, ...forwarded.reverse()];
  return nearestFirst[Math.min(trustProxyHops, nearestFirst.length - 1)]!;
}

/** The account a sign-in (or reset request) names, as its validator will read it; '' when the body has none. */
export async function accountOf(c: Context): Promise<string> {
  const body: unknown = await c.req.json().catch(() => null);
  const email = typeof body === 'object' && body !== null && 'email' in body ? body.email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * Three budgets of failed sign-ins. Only a wrong email or password (401) counts: a successful
 * sign-in, a malformed request or an attempt already refused with 429 is given back, so a real
 * owner who signs in all day is never locked out by a couple of typos. Counters live in this
 * process's memory; each API process counts on its own.
 */
export function throttleLogins(limits: LoginLimits): MiddlewareHandler<AppEnv>[] {
  const keyed = (limit: number, key: (address: string, account: string) => string) =>
    rateLimiter<AppEnv>({
      windowMs: limits.windowMs,
      limit,
      standardHeaders: false,
      skipSuccessfulRequests: true,
      requestWasSuccessful: (c) => c.res.status !== 401,
      keyGenerator: async (c) => key(clientAddress(c, c.get('deps').config.TRUST_PROXY_HOPS), await accountOf(c)),
      handler: (c) => {
        c.header('retry-after', String(Math.ceil(limits.windowMs / 1000)));
        return c.json(errorBody('rate_limited', `Too many sign-in attempts. Wait ${Math.ceil(limits.windowMs / 60_000)} minutes, then try again.`), 429);
      },
    });
  return [
    keyed(limits.perAddressAndAccount, (address, account) => `${address}|${account}`),
    keyed(limits.perAccount, (_, account) => account),
    keyed(limits.perAddress, (address) => address),
  ];
}
