import type { Context } from 'hono';
import { acceptableReturnUrl } from './pages.ts';

// What every sandbox route shares: the parsed form, Stripe's error body, return URLs as Stripe checks them.

/** Every /v1 route finds the request's parameters here (parsed once by the pipeline). */
export type SandboxEnv = { Variables: { params: Record<string, unknown> } };

export const params = (c: Context<SandboxEnv>) => c.get('params');

/** Stripe's form encoding (`items[0][price]=p`, `lookup_keys[]=a`) back into objects and arrays. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const [head, ...rest] = rawKey.replace(/\]/g, '').split('[');
    const keys = [head!, ...rest];
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const container = node as Record<string, unknown>;
      const slot = key === '' && Array.isArray(node) ? String(node.length) : key;
      if (last) {
        container[slot] = value;
        return;
      }
      if (container[slot] === undefined) container[slot] = /^\d*$/.test(keys[i + 1]!) ? [] : {};
      node = container[slot] as Record<string, unknown>;
    });
  }
  return root;
}

/** Stripe's error body: `{ error: { type, message, param? } }`. */
export const stripeError = (c: Context, status: 400 | 401 | 404 | 500, message: string, type = 'invalid_request_error', param?: string) =>
  c.json({ error: { type, message, ...(param ? { param } : {}) } }, status);

/** 404 for an id in the URL that names nothing (`No such customer: 'cus_…'`). */
export const noSuch = (c: Context, what: string) => stripeError(c, 404, `No such ${what}: '${c.req.param('id')}'`, 'invalid_request_error', 'id');

/** 400 for a parameter that names nothing (`No such price: '…'`). */
export const noSuchParam = (c: Context, what: string, value: unknown, param: string) => stripeError(c, 400, `No such ${what}: '${String(value ?? '')}'`, 'invalid_request_error', param);

/**
 * A success, cancel or return URL as Stripe checks it — and, with `origins` (mounted in our API),
 * only back to the app; null when absent.
 */
export function returnUrlParam(p: Record<string, unknown>, name: string, origins?: readonly string[]): { url: string | null } | { invalid: string } {
  if (p[name] === undefined) return { url: null };
  const url = acceptableReturnUrl(p[name], origins);
  return url ? { url } : { invalid: name };
}
